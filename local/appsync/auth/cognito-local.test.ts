// Real tokens from cognito-local, verified over HTTP against the JWKS it serves.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock } from '../../services/clock';
import { createUser, ensureGroup, ensureUserPool, ensureUserPoolClient, localCognitoClient, startCognitoLocal, type CognitoLocalHandle } from '../../services/cognito-local';
import { Authenticator } from './authenticate';
import { rejection } from './testing/rejection';

const SIGNED_IN_AT = new Date('2026-03-01T10:00:00.000Z');

describe('user pool tokens from cognito-local', () => {
  let handle: CognitoLocalHandle;
  let dataDir: string;
  afterAll(async () => {
    await handle?.stop();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });

  it('accepts an ID token cognito-local issued and refuses it once expired', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'outpost-auth-'));
    const clock = new ManualClock(SIGNED_IN_AT);
    handle = await startCognitoLocal({ dataDir, clock, log: () => undefined });
    const client = localCognitoClient(handle.endpoint);
    try {
      const pool = await ensureUserPool(client, { name: 'outpost-users', usernameAttributes: ['email'] });
      const app = await ensureUserPoolClient(client, { userPoolId: pool.userPoolId, name: 'outpost-web', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
      await ensureGroup(client, { userPoolId: pool.userPoolId, name: 'ADMINS' });
      const ada = await createUser(client, { userPoolId: pool.userPoolId, username: 'ada@example.com', password: 'Notebook1x', attributes: { email: 'ada@example.com' }, groups: ['ADMINS'] });
      const signIn = await client.send(
        new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: app.clientId, AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'Notebook1x' } }),
      );
      const idToken = signIn.AuthenticationResult?.IdToken ?? '';
      const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

      const authenticator = new Authenticator(
        {
          apiId: 'localapi',
          accountId: '000000000000',
          region: 'us-east-1',
          defaultMode: { authenticationType: 'AMAZON_COGNITO_USER_POOLS', issuer: handle.issuer(pool.userPoolId), appIdClientRegex: app.clientId, defaultAction: 'ALLOW' },
          additionalModes: [],
          apiKeys: [],
          iamCredentials: {},
        },
        { clock },
      );
      const authenticate = () =>
        authenticator.authenticate({ method: 'POST', target: '/graphql', headers: { authorization: idToken }, body: '{}', sourceIp: '127.0.0.1', graphql: { query: '{ me { id } }' } });

      expect(await authenticate()).toEqual({
        mode: 'AMAZON_COGNITO_USER_POOLS',
        defaultMode: 'AMAZON_COGNITO_USER_POOLS',
        deniedFields: new Set(),
        identity: { sub: ada.sub, issuer: handle.issuer(pool.userPoolId), username: ada.username, claims, sourceIp: ['127.0.0.1'], defaultAuthStrategy: 'ALLOW', groups: ['ADMINS'] },
      });
      clock.advance(((claims.exp as number) - (claims.iat as number)) * 1000);
      expect(await rejection(authenticate())).toEqual({
        statusCode: 401,
        body: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] },
        reason: undefined,
      });
    } finally {
      client.destroy();
    }
  });
});
