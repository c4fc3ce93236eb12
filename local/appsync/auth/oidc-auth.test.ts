import { ManualClock } from '../../services/clock';
import { Authenticator } from './authenticate';
import type { AuthConfig, OidcModeConfig } from './config';
import { JwksFetchError } from './errors';
import { createTestUserPool } from './testing/user-pool-keys';
import { rejection } from './testing/rejection';

const NOW = new Date('2026-01-15T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const provider = createTestUserPool('https://login.example.com', 'oidc-key');
const JWKS_URI = 'https://login.example.com/keys';

function setup(mode: Partial<OidcModeConfig> = {}, discovery: unknown = { issuer: provider.issuer, jwks_uri: JWKS_URI }) {
  const fetched: string[] = [];
  const config: AuthConfig = {
    apiId: 'localapi',
    accountId: '000000000000',
    region: 'us-east-1',
    defaultMode: { authenticationType: 'API_KEY' },
    additionalModes: [{ authenticationType: 'OPENID_CONNECT', issuer: provider.issuer, clientId: 'web-(app|admin)', iatTtl: null, authTtl: null, ...mode }],
    apiKeys: [],
    iamCredentials: {},
  };
  const authenticator = new Authenticator(config, {
    clock: new ManualClock(NOW),
    fetchJson: async (url) => {
      fetched.push(url);
      return url === JWKS_URI ? provider.jwks : discovery;
    },
  });
  const authenticate = (token: string) =>
    authenticator.authenticate({ method: 'POST', target: '/graphql', headers: { authorization: token }, body: '{}', sourceIp: '127.0.0.1', graphql: { query: '{ __typename }' } });
  return { authenticate, fetched };
}

const claims = { sub: 'oidc-user-1', iss: provider.issuer, aud: ['web-app', 'other'], iat: NOW_SECONDS - 600, auth_time: NOW_SECONDS - 3600, exp: NOW_SECONDS + 600, email: 'o@example.com' };
const refused = (reason: string) => ({ statusCode: 401, body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] }, reason });

// OIDC identity is { claims, issuer, sub }: the Identity section of
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html; ClientId is a
// regular expression, IatTTL and AuthTTL are milliseconds:
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_OpenIDConnectConfig.html
describe('OpenID Connect tokens', () => {
  it('accepts a token of the issuer, found by discovery, and fills ctx.identity', async () => {
    const { authenticate, fetched } = setup();
    expect(await authenticate(provider.token(claims))).toEqual({ mode: 'OPENID_CONNECT', defaultMode: 'API_KEY', identity: { claims, issuer: provider.issuer, sub: 'oidc-user-1' }, deniedFields: new Set() });
    await authenticate(provider.token(claims));
    expect(fetched).toEqual(['https://login.example.com/.well-known/openid-configuration', JWKS_URI]);
  });

  it('refuses a token for another client', async () => {
    const { authenticate } = setup();
    expect(await rejection(authenticate(provider.token({ ...claims, aud: 'web-application' })))).toEqual(refused('the token audience "web-application" does not match web-(app|admin)'));
  });

  it('refuses a token issued longer ago than IatTTL', async () => {
    const { authenticate } = setup({ iatTtl: 600_000 });
    expect(await rejection(authenticate(provider.token(claims)))).toEqual(refused(`the token's "iat" is more than 600000 ms ago`));
  });

  it('refuses a token authenticated longer ago than AuthTTL', async () => {
    const { authenticate } = setup({ authTtl: 3_600_000 });
    expect(await rejection(authenticate(provider.token(claims)))).toEqual(refused(`the token's "auth_time" is more than 3600000 ms ago`));
  });

  it('accepts tokens within IatTTL and AuthTTL', async () => {
    const { authenticate } = setup({ iatTtl: 600_001, authTtl: 3_600_001 });
    expect((await authenticate(provider.token(claims))).mode).toBe('OPENID_CONNECT');
  });

  it('fails with JwksFetchError when discovery names no jwks_uri', async () => {
    const { authenticate } = setup({}, { issuer: provider.issuer });
    await expect(authenticate(provider.token(claims))).rejects.toEqual(
      new JwksFetchError('the OpenID configuration at https://login.example.com/.well-known/openid-configuration has no "jwks_uri"'),
    );
  });
});
