// When a connection's or a subscription's credentials stop being valid. Only JWT modes (user pools,
// OIDC) carry an expiry the server knows: the token's `exp` claim, in seconds.
import type { AuthenticatedRequest } from '../../appsync/auth';

/** Epoch milliseconds at which `auth`'s token expires, or null when it has no expiry. */
export function tokenExpiresAt(auth: AuthenticatedRequest): number | null {
  const identity = auth.identity;
  if (identity === null || !('claims' in identity)) return null;
  const exp = identity.claims.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/** setTimeout's longest delay; a later expiry is checked again when the timer fires. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
