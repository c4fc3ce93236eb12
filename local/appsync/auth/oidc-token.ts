// OPENID_CONNECT: tokens from any OIDC provider, checked against the API's OpenIDConnectConfig.
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_OpenIDConnectConfig.html
import type { Clock } from '../../services/clock';
import type { OidcModeConfig } from './config';
import { JwksFetchError } from './errors';
import type { JsonFetcher, JwksCache } from './jwks';
import type { JsonObject, ParsedJwt } from './jwt';
import { matchesWhole, refusedToken, verifySignedJwt } from './signed-jwt';

/** Finds a provider's JWKS URL by OpenID Connect discovery, once per issuer. */
export class OidcDiscovery {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(private readonly fetchJson: JsonFetcher) {}

  jwksUrl(provider: OidcModeConfig): Promise<string> {
    if (provider.jwksUrl !== undefined) return Promise.resolve(provider.jwksUrl);
    const known = this.urls.get(provider.issuer);
    if (known !== undefined) return known;
    const found = this.discover(provider.issuer).catch((error: unknown) => {
      this.urls.delete(provider.issuer);
      throw error;
    });
    this.urls.set(provider.issuer, found);
    return found;
  }

  private async discover(issuer: string): Promise<string> {
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: unknown;
    try {
      document = await this.fetchJson(url);
    } catch (error) {
      throw new JwksFetchError(`could not read the OpenID configuration at ${url}`, { cause: error });
    }
    const jwksUri = (document as { jwks_uri?: unknown } | null)?.jwks_uri;
    if (typeof jwksUri !== 'string') throw new JwksFetchError(`the OpenID configuration at ${url} has no "jwks_uri"`);
    return jwksUri;
  }
}

/** Verifies an OIDC token: signature, issuer and expiry, then the client and the IatTTL/AuthTTL limits. */
export async function verifyOidcToken(jwt: ParsedJwt, provider: OidcModeConfig, jwksUrl: string, jwks: JwksCache, clock: Clock): Promise<JsonObject> {
  const payload = await verifySignedJwt(jwt, provider.issuer, jwksUrl, jwks, clock);
  if (provider.clientId !== null) {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const clientId = provider.clientId;
    if (!audiences.some((audience) => typeof audience === 'string' && matchesWhole(clientId, audience))) {
      throw refusedToken(`the token audience ${JSON.stringify(payload.aud)} does not match ${provider.clientId}`);
    }
  }
  const now = clock.now().getTime();
  checkAge(payload, 'iat', provider.iatTtl, now);
  checkAge(payload, 'auth_time', provider.authTtl, now);
  return payload;
}

function checkAge(payload: JsonObject, claim: 'iat' | 'auth_time', ttlMs: number | null, now: number): void {
  if (ttlMs === null || ttlMs === 0) return;
  const at = payload[claim];
  if (typeof at !== 'number') throw refusedToken(`the token has no numeric "${claim}"`);
  if (now >= at * 1000 + ttlMs) throw refusedToken(`the token's "${claim}" is more than ${ttlMs} ms ago`);
}
