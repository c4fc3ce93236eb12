import { ManualClock } from '../../services/clock';
import { Authenticator } from './authenticate';
import type { AuthConfig, UserPoolModeConfig } from './config';
import { JwksFetchError } from './errors';
import { createTestUserPool, signJwt } from './testing/user-pool-keys';
import { rejection } from './testing/rejection';

const NOW = new Date('2026-01-15T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const pool = createTestUserPool('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool');
const otherKeyPool = createTestUserPool(pool.issuer, pool.kid);
const CLIENT_ID = '5ng4tbbmnp7fh3n2sm3r1mv1k4';

const userPoolMode: UserPoolModeConfig = {
  authenticationType: 'AMAZON_COGNITO_USER_POOLS',
  issuer: pool.issuer,
  appIdClientRegex: '5ng4tbbmnp7fh3n2sm3r1mv1k4',
  defaultAction: 'ALLOW',
};
const config: AuthConfig = {
  apiId: 'localapi',
  accountId: '000000000000',
  region: 'us-east-1',
  defaultMode: userPoolMode,
  additionalModes: [{ authenticationType: 'API_KEY' }],
  apiKeys: [{ key: 'da2-local', expires: null }],
  iamCredentials: {},
};

function idClaims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: 'af08acd8-f118-4016-a35d-2e47d43015a3',
    'cognito:groups': ['ADMINS'],
    email_verified: true,
    iss: pool.issuer,
    'cognito:username': 'alice',
    aud: CLIENT_ID,
    token_use: 'id',
    auth_time: NOW_SECONDS - 60,
    exp: NOW_SECONDS + 3600,
    iat: NOW_SECONDS - 60,
    email: 'alice@example.com',
    ...overrides,
  };
}

function setup() {
  const fetched: string[] = [];
  const authenticator = new Authenticator(config, {
    clock: new ManualClock(NOW),
    fetchJson: async (url) => {
      fetched.push(url);
      return pool.jwks;
    },
  });
  const authenticate = (authorization: string | undefined) =>
    authenticator.authenticate({
      method: 'POST',
      target: '/graphql',
      headers: authorization === undefined ? {} : { authorization },
      body: '{"query":"{ me { id } }"}',
      sourceIp: '203.0.113.7',
      graphql: { query: '{ me { id } }' },
    });
  return { authenticate, fetched };
}

// The identity shape (sub, issuer, username, claims, sourceIp, defaultAuthStrategy, groups) is the
// Identity section of https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html,
// with values as AppSync fills them in https://advancedweb.hu/what-is-the-identity-in-the-appsync-resolver-context/.
describe('user pool tokens', () => {
  it('accepts an ID token and fills ctx.identity from its claims', async () => {
    const { authenticate, fetched } = setup();
    const claims = idClaims();
    expect(await authenticate(pool.token(claims))).toEqual({
      mode: 'AMAZON_COGNITO_USER_POOLS',
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      deniedFields: new Set(),
      identity: {
        sub: 'af08acd8-f118-4016-a35d-2e47d43015a3',
        issuer: pool.issuer,
        username: 'alice',
        claims,
        sourceIp: ['203.0.113.7'],
        defaultAuthStrategy: 'ALLOW',
        groups: ['ADMINS'],
      },
    });
    expect(fetched).toEqual([pool.jwksUrl]);
  });

  it('accepts an access token, whose user is `username` and client `client_id`; no groups claim gives null groups', async () => {
    const { authenticate } = setup();
    const claims = {
      sub: 'b1',
      iss: pool.issuer,
      client_id: CLIENT_ID,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'bob',
      exp: NOW_SECONDS + 10,
      iat: NOW_SECONDS,
    };
    expect(await authenticate(pool.token(claims))).toEqual({
      mode: 'AMAZON_COGNITO_USER_POOLS',
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      deniedFields: new Set(),
      identity: { sub: 'b1', issuer: pool.issuer, username: 'bob', claims, sourceIp: ['203.0.113.7'], defaultAuthStrategy: 'ALLOW', groups: null },
    });
  });

  it('reads the JWKS once for many requests', async () => {
    const { authenticate, fetched } = setup();
    await authenticate(pool.token(idClaims()));
    await authenticate(pool.token(idClaims({ sub: 'other' })));
    expect(fetched).toEqual([pool.jwksUrl]);
  });

  it('fails with JwksFetchError when the JWKS cannot be read, and reads it again on the next request', async () => {
    const outage = new Error('connection refused');
    const answers: (() => Promise<unknown>)[] = [() => Promise.reject(outage), async () => pool.jwks];
    const authenticator = new Authenticator(config, { clock: new ManualClock(NOW), fetchJson: () => answers.shift()!() });
    const authenticate = () =>
      authenticator.authenticate({ method: 'POST', target: '/graphql', headers: { authorization: pool.token(idClaims()) }, body: '', sourceIp: '203.0.113.7', graphql: { query: '{ me { id } }' } });
    const failure = await authenticate().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect({ failure, cause: (failure as Error).cause, retried: (await authenticate()).mode }).toEqual({
      failure: new JwksFetchError(`could not read the JWKS at ${pool.jwksUrl}`),
      cause: outage,
      retried: 'AMAZON_COGNITO_USER_POOLS',
    });
  });

  // A 401 with errorType UnauthorizedException: https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error
  // ("401 Unauthorized: ... credentials are missing or invalid ... valid and not expired").
  it('refuses an expired token with "Token has expired."', async () => {
    const { authenticate } = setup();
    expect(await rejection(authenticate(pool.token(idClaims({ exp: NOW_SECONDS }))))).toEqual({
      statusCode: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] },
      reason: undefined,
    });
  });

  // "Valid authorization header not provided." for a request without usable credentials:
  // https://github.com/aws-amplify/amplify-js/issues/4373
  it('refuses a request without credentials', async () => {
    const { authenticate } = setup();
    expect(await rejection(authenticate(undefined))).toEqual({
      statusCode: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] },
      reason: undefined,
    });
  });

  it('refuses a JWT from an issuer no mode trusts', async () => {
    const { authenticate } = setup();
    const stranger = createTestUserPool('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other');
    expect(await rejection(authenticate(stranger.token(idClaims({ iss: stranger.issuer }))))).toEqual({
      statusCode: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] },
      reason: undefined,
    });
  });

  // "Unable to parse JWT token." for an Authorization value that is not a JWT:
  // https://github.com/aws-amplify/amplify-js/issues/2645
  it.each([
    ['a value with no dots', 'not-a-jwt'],
    ['a "Bearer " prefix, which AppSync does not accept', `Bearer ${pool.token(idClaims())}`],
    ['malformed base64 in the payload', `${pool.token(idClaims()).split('.')[0]}.e30*.c2ln`],
    ['a payload that is not JSON', `eyJhbGciOiJSUzI1NiJ9.${Buffer.from('nope').toString('base64url')}.c2ln`],
  ])('refuses %s as an unparseable JWT', async (_case, token) => {
    const { authenticate } = setup();
    const result = await rejection(authenticate(token));
    expect({ statusCode: result.statusCode, body: result.body }).toEqual({
      statusCode: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'Unable to parse JWT token.' }] },
    });
  });

  // Cognito's verification steps (signature by the pool's key named by kid, iss, token_use, aud or
  // client_id): https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
  it.each([
    ['alg "none"', () => `${Buffer.from('{"alg":"none","kid":"test-key-1"}').toString('base64url')}.${Buffer.from(JSON.stringify(idClaims())).toString('base64url')}.`, 'the token is signed with "none", not RS256'],
    ['HS256', () => pool.token(idClaims(), { alg: 'HS256' }), 'the token is signed with "HS256", not RS256'],
    ['no kid', () => pool.token(idClaims(), { kid: undefined }), 'the token header has no "kid"'],
    ['an unknown kid', () => pool.token(idClaims(), { kid: 'rotated-away' }), 'the issuer has no signing key "rotated-away"'],
    ['a signature by another key', () => signJwt(otherKeyPool.privateKey, { alg: 'RS256', kid: pool.kid }, idClaims()), 'the token signature is not valid'],
    ['a tampered payload', () => tamper(pool.token(idClaims()), { 'cognito:groups': ['ADMINS', 'OWNERS'] }), 'the token signature is not valid'],
    ['a refresh-like token_use', () => pool.token(idClaims({ token_use: 'refresh' })), '"token_use" is "refresh", not "id" or "access"'],
    ['an app client outside AppIdClientRegex', () => pool.token(idClaims({ aud: 'someotherclient' })), 'the app client someotherclient does not match 5ng4tbbmnp7fh3n2sm3r1mv1k4'],
    ['no exp', () => pool.token(idClaims({ exp: undefined })), 'the token has no numeric "exp"'],
  ])('refuses a token with %s', async (_case, token, reason) => {
    const { authenticate } = setup();
    expect(await rejection(authenticate(token()))).toEqual({
      statusCode: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
      reason,
    });
  });
});

/** Replaces claims in a signed token's payload and keeps the old signature. */
function tamper(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
}
