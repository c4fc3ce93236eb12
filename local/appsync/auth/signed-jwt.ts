import type { Clock } from '../../services/clock';
import { UnauthorizedError } from './errors';
import type { JwksCache } from './jwks';
import { hasValidRs256Signature, type JsonObject, type ParsedJwt } from './jwt';
import { NOT_AUTHORIZED, TOKEN_EXPIRED } from './messages';

/** AppSync answers every refused token alike; the reason stays in `cause` for logs. */
export function refusedToken(reason: string): UnauthorizedError {
  return new UnauthorizedError(NOT_AUTHORIZED, { cause: new Error(reason) });
}

/**
 * The checks every token AppSync trusts passes: an RS256 signature by the issuer's key named by
 * `kid`, the expected `iss`, and an `exp` still in the future.
 */
export async function verifySignedJwt(jwt: ParsedJwt, issuer: string, jwksUrl: string, jwks: JwksCache, clock: Clock): Promise<JsonObject> {
  const { header, payload } = jwt;
  if (header.alg !== 'RS256') throw refusedToken(`the token is signed with ${JSON.stringify(header.alg)}, not RS256`);
  if (typeof header.kid !== 'string') throw refusedToken('the token header has no "kid"');
  const key = await jwks.key(jwksUrl, header.kid);
  if (key === undefined) throw refusedToken(`the issuer has no signing key "${header.kid}"`);
  if (!hasValidRs256Signature(jwt, key)) throw refusedToken('the token signature is not valid');
  if (payload.iss !== issuer) throw refusedToken(`the token issuer ${JSON.stringify(payload.iss)} is not ${issuer}`);
  if (typeof payload.exp !== 'number') throw refusedToken('the token has no numeric "exp"');
  if (clock.now().getTime() >= payload.exp * 1000) throw new UnauthorizedError(TOKEN_EXPIRED);
  if (typeof payload.sub !== 'string') throw refusedToken('the token has no "sub"');
  return payload;
}

/** AppSync's client regexes (AppIdClientRegex, OIDC ClientId) must match the whole client id. */
export function matchesWhole(pattern: string, text: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(text);
}
