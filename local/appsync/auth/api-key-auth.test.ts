import { ManualClock } from '../../services/clock';
import { Authenticator } from './authenticate';
import type { AuthConfig } from './config';
import { rejection } from './testing/rejection';

const NOW = new Date('2026-01-15T12:00:00Z');
const config: AuthConfig = {
  apiId: 'localapi',
  accountId: '000000000000',
  region: 'us-east-1',
  defaultMode: { authenticationType: 'AMAZON_COGNITO_USER_POOLS', issuer: 'http://localhost:9229/local_pool', appIdClientRegex: null, defaultAction: 'ALLOW' },
  additionalModes: [{ authenticationType: 'API_KEY' }],
  apiKeys: [
    { key: 'da2-current', expires: NOW.getTime() / 1000 + 1 },
    { key: 'da2-expired', expires: NOW.getTime() / 1000 },
    { key: 'da2-forever', expires: null },
  ],
  iamCredentials: {},
};

function authenticate(headers: Record<string, string>) {
  const authenticator = new Authenticator(config, { clock: new ManualClock(NOW), fetchJson: () => Promise.reject(new Error('no JWKS in these tests')) });
  return authenticator.authenticate({ method: 'POST', target: '/graphql', headers, body: '{}', sourceIp: '127.0.0.1', graphql: { query: '{ __typename }' } });
}

// API key requests carry no identity: "When using an API key, it will be null"
// (https://docs.aws.amazon.com/powertools/typescript/latest/api/types/_aws-lambda-powertools_event-handler.types.AppSyncEventsEvent.html).
describe('API keys', () => {
  it.each(['da2-current', 'da2-forever'])('accepts %s with a null identity', async (key) => {
    expect(await authenticate({ 'x-api-key': key })).toEqual({ mode: 'API_KEY', identity: null, defaultMode: 'AMAZON_COGNITO_USER_POOLS', deniedFields: new Set() });
  });

  // Header-based mode selection with x-api-key first, as AppSync emulators model it:
  // aws-amplify/amplify-cli packages/amplify-appsync-simulator/src/utils/auth-helpers/current-auth-mode.ts
  // and https://github.com/floci-io/floci/pull/2380 ("x-api-key wins if both headers are present").
  it('uses x-api-key when an Authorization header is sent too', async () => {
    expect(await authenticate({ 'X-Api-Key': 'da2-forever', Authorization: 'garbage' })).toEqual({
      mode: 'API_KEY',
      identity: null,
      defaultMode: 'AMAZON_COGNITO_USER_POOLS',
      deniedFields: new Set(),
    });
  });

  // An unknown or expired key gets 401 "You are not authorized to make this call."
  // (https://github.com/aws-amplify/amplify-studio/issues/1003: every call fails this way once the key expires).
  it.each(['da2-expired', 'da2-unknown'])('refuses %s', async (key) => {
    expect(await rejection(authenticate({ 'x-api-key': key }))).toEqual({
      statusCode: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
      reason: undefined,
    });
  });
});
