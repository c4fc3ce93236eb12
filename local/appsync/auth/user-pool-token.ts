import type { Clock } from '../../services/clock';
import type { UserPoolModeConfig } from './config';
import type { JwksCache } from './jwks';
import type { JsonObject, ParsedJwt } from './jwt';
import { matchesWhole, refusedToken, verifySignedJwt } from './signed-jwt';

/** The JWKS URL Cognito publishes for a pool: `<issuer>/.well-known/jwks.json`. */
export function jwksUrlOf(pool: UserPoolModeConfig): string {
  return pool.jwksUrl ?? `${pool.issuer.replace(/\/$/, '')}/.well-known/jwks.json`;
}

/**
 * Verifies a user pool ID or access token the way AppSync does before it trusts its claims:
 * signature by one of the pool's keys, issuer, expiry, token use, and app client.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
 */
export async function verifyUserPoolToken(jwt: ParsedJwt, pool: UserPoolModeConfig, jwks: JwksCache, clock: Clock): Promise<JsonObject> {
  const payload = await verifySignedJwt(jwt, pool.issuer, jwksUrlOf(pool), jwks, clock);
  const clientId = clientIdOf(payload);
  if (pool.appIdClientRegex !== null && !matchesWhole(pool.appIdClientRegex, clientId)) {
    throw refusedToken(`the app client ${clientId} does not match ${pool.appIdClientRegex}`);
  }
  return payload;
}

/** ID tokens name their app client in `aud`, access tokens in `client_id`. */
function clientIdOf(payload: JsonObject): string {
  if (payload.token_use !== 'id' && payload.token_use !== 'access') throw refusedToken(`"token_use" is ${JSON.stringify(payload.token_use)}, not "id" or "access"`);
  const clientId = payload.token_use === 'id' ? payload.aud : payload.client_id;
  if (typeof clientId !== 'string') throw refusedToken('the token names no app client');
  return clientId;
}
