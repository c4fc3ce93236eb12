// cognito-local driven through the real AWS SDK client, the way the app and the auth layer will use it.
import { ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock } from '../clock';
import { LOOPBACK, PortInUseError } from '../ports';
import { localCognitoClient } from './client';
import { createUser } from './create-user';
import { ensureGroup } from './ensure-group';
import { ensureUserPool } from './ensure-user-pool';
import { ensureUserPoolClient } from './ensure-user-pool-client';
import { startCognitoLocal, type CognitoLocalHandle } from './service';

const decodeSegment = (segment: string): Record<string, unknown> => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.') as [string, string];
  return { header: decodeSegment(header), payload: decodeSegment(payload) };
}

/** RS256 check with node's crypto against a key from the pool's JWKS. */
function verifyRs256(token: string, jwk: JsonWebKey): boolean {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
}

const PASSWORD_POLICY = { MinimumLength: 8, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, RequireUppercase: true };

/** What Outpost Local will do on every start: mirror the template's pool, client and groups, then seed a user. */
async function provision(handle: CognitoLocalHandle) {
  const client = localCognitoClient(handle.endpoint);
  try {
    const pool = await ensureUserPool(client, {
      name: 'outpost-users',
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      passwordPolicy: PASSWORD_POLICY,
    });
    const appClient = await ensureUserPoolClient(client, {
      userPoolId: pool.userPoolId,
      name: 'outpost-web',
      explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    const editors = await ensureGroup(client, { userPoolId: pool.userPoolId, name: 'EDITORS', description: 'May write notes' });
    const admins = await ensureGroup(client, { userPoolId: pool.userPoolId, name: 'ADMINS', precedence: 1 });
    const ada = await createUser(client, {
      userPoolId: pool.userPoolId,
      username: 'ada@example.com',
      password: 'Notebook1',
      attributes: { email: 'ada@example.com', email_verified: 'true', name: 'Ada' },
      groups: ['EDITORS', 'ADMINS'],
    });
    return { pool, appClient, editors, admins, ada };
  } finally {
    client.destroy();
  }
}

async function signIn(handle: CognitoLocalHandle, clientId: string, username: string, password: string) {
  const client = localCognitoClient(handle.endpoint);
  try {
    return await client.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );
  } finally {
    client.destroy();
  }
}

/** Resolves with the first log line that starts with `prefix`; log lines arrive from the worker thread. */
async function lineStartingWith(log: string[], prefix: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const line = log.find((candidate) => candidate.startsWith(prefix));
    if (line !== undefined) return line;
    if (Date.now() > deadline) throw new Error(`no log line starting with "${prefix}" in: ${JSON.stringify(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('startCognitoLocal', () => {
  const dirs: string[] = [];
  const handles: CognitoLocalHandle[] = [];
  const newDataDir = async (): Promise<string> => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'outpost-cognito-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.stop()));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('signs a provisioned user in with USER_PASSWORD_AUTH and returns RS256 tokens that verify against the pool JWKS', async () => {
    const clock = new ManualClock(new Date('2026-03-01T10:00:00.000Z'));
    const handle = await startCognitoLocal({ dataDir: await newDataDir(), clock, log: () => undefined });
    handles.push(handle);
    const { pool, appClient, editors, admins, ada } = await provision(handle);
    expect({ pool: pool.created, appClient: appClient.created, editors, admins, ada: ada.created }).toEqual({
      pool: true,
      appClient: true,
      editors: { groupName: 'EDITORS', created: true },
      admins: { groupName: 'ADMINS', created: true },
      ada: true,
    });

    const auth = await signIn(handle, appClient.clientId, 'ada@example.com', 'Notebook1');
    const result = auth.AuthenticationResult ?? {};
    const idToken = decodeJwt(result.IdToken as string);
    const accessToken = decodeJwt(result.AccessToken as string);
    const issuedAt = Date.parse('2026-03-01T10:00:00.000Z') / 1000;
    const issuer = `${handle.endpoint}/${pool.userPoolId}`;

    // cognito-local lists groups alphabetically.
    // Claims as Cognito documents them: the ID token carries `aud` (the app client), the access token
    // `client_id`; both carry `sub`, `iss` (the pool's URL), `token_use` and `cognito:groups`.
    // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
    // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
    expect({ ChallengeParameters: auth.ChallengeParameters, idToken, accessToken, refreshToken: typeof result.RefreshToken }).toEqual({
      ChallengeParameters: {},
      idToken: {
        header: { alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' },
        payload: {
          'cognito:username': ada.username,
          'cognito:groups': ['ADMINS', 'EDITORS'],
          auth_time: issuedAt,
          email: 'ada@example.com',
          email_verified: true,
          event_id: expect.any(String),
          iat: issuedAt,
          exp: issuedAt + 24 * 3600,
          jti: expect.any(String),
          sub: ada.sub,
          token_use: 'id',
          aud: appClient.clientId,
          iss: issuer,
        },
      },
      accessToken: {
        header: { alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' },
        payload: {
          'cognito:groups': ['ADMINS', 'EDITORS'],
          auth_time: issuedAt,
          client_id: appClient.clientId,
          event_id: idToken.payload.event_id,
          iat: issuedAt,
          exp: issuedAt + 24 * 3600,
          jti: expect.any(String),
          scope: 'aws.cognito.signin.user.admin',
          sub: ada.sub,
          token_use: 'access',
          username: ada.username,
          iss: issuer,
        },
      },
      refreshToken: 'string',
    });
    // A pool that signs in by email gives the user a generated username: the sub.
    expect(ada.username).toBe(ada.sub);
    expect(handle.issuer(pool.userPoolId)).toBe(issuer);

    // The pool's keys are served at <issuer>/.well-known/jwks.json, as in Cognito:
    // https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
    expect(handle.jwksUri(pool.userPoolId)).toBe(`${issuer}/.well-known/jwks.json`);
    const jwks = (await (await fetch(handle.jwksUri(pool.userPoolId))).json()) as { keys: (JsonWebKey & { kid: string })[] };
    expect(jwks).toEqual({ keys: [{ kty: 'RSA', e: 'AQAB', use: 'sig', kid: 'CognitoLocal', alg: 'RS256', n: expect.any(String) }] });
    const key = jwks.keys.find((candidate) => candidate.kid === idToken.header.kid) as JsonWebKey;
    const [header, , signature] = (result.IdToken as string).split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...idToken.payload, 'cognito:groups': ['OWNERS'] })).toString('base64url')}.${signature}`;
    expect({
      idToken: verifyRs256(result.IdToken as string, key),
      accessToken: verifyRs256(result.AccessToken as string, key),
      forged: verifyRs256(forged, key),
    }).toEqual({ idToken: true, accessToken: true, forged: false });

    // The worker reads the injected clock on every request, not once at start.
    clock.advance(3_600_000);
    const later = await signIn(handle, appClient.clientId, 'ada@example.com', 'Notebook1');
    const laterPayload = decodeJwt(later.AuthenticationResult?.IdToken as string).payload;
    expect({ iat: laterPayload.iat, exp: laterPayload.exp }).toEqual({ iat: issuedAt + 3600, exp: issuedAt + 3600 + 24 * 3600 });

    await handle.stop();
  });

  it('finds the same pool, client, groups and user again after a restart on the same data dir', async () => {
    const dataDir = await newDataDir();
    const first = await startCognitoLocal({ dataDir, log: () => undefined });
    handles.push(first);
    const before = await provision(first);
    await first.stop();
    const health = await fetch(`${first.endpoint}/health`).then(
      () => 'answering',
      (error: Error) => (error.cause as NodeJS.ErrnoException).code,
    );
    expect({ created: [before.pool.created, before.appClient.created, before.ada.created], health }).toEqual({
      created: [true, true, true],
      health: 'ECONNREFUSED',
    });

    const second = await startCognitoLocal({ dataDir, log: () => undefined });
    handles.push(second);
    const after = await provision(second);
    expect(after).toEqual({
      pool: { userPoolId: before.pool.userPoolId, created: false },
      appClient: { clientId: before.appClient.clientId, created: false },
      editors: { groupName: 'EDITORS', created: false },
      admins: { groupName: 'ADMINS', created: false },
      ada: { username: before.ada.username, sub: before.ada.sub, created: false },
    });
    const auth = await signIn(second, after.appClient.clientId, 'ada@example.com', 'Notebook1');
    const { sub, iss } = decodeJwt(auth.AuthenticationResult?.IdToken as string).payload;
    expect({ sub, iss }).toEqual({ sub: before.ada.sub, iss: `${second.endpoint}/${before.pool.userPoolId}` });
    await second.stop();
  });

  it('delivers sign-up confirmation codes to the log, so a developer can confirm a new account', async () => {
    const log: string[] = [];
    const handle = await startCognitoLocal({ dataDir: await newDataDir(), log: (line) => log.push(line) });
    handles.push(handle);
    const { appClient } = await provision(handle);
    const client = localCognitoClient(handle.endpoint);
    try {
      const signUp = await client.send(
        new SignUpCommand({
          ClientId: appClient.clientId,
          Username: 'grace@example.com',
          Password: 'Compiler1',
          UserAttributes: [{ Name: 'email', Value: 'grace@example.com' }],
        }),
      );
      const codeLine = await lineStartingWith(log, 'cognito-local email to grace@example.com');
      const code = /code (\S+)$/.exec(codeLine)?.[1] ?? '';
      expect({ signUp: { ...signUp, $metadata: undefined }, codeLine }).toEqual({
        signUp: {
          $metadata: undefined,
          UserConfirmed: false,
          UserSub: expect.any(String),
          CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'grace@example.com' },
        },
        codeLine: `cognito-local email to grace@example.com (user ${signUp.UserSub}): code ${code}`,
      });
      await client.send(new ConfirmSignUpCommand({ ClientId: appClient.clientId, Username: 'grace@example.com', ConfirmationCode: code }));
      const auth = await signIn(handle, appClient.clientId, 'grace@example.com', 'Compiler1');
      expect(decodeJwt(auth.AuthenticationResult?.IdToken as string).payload.sub).toBe(signUp.UserSub);
    } finally {
      client.destroy();
      await handle.stop();
    }
  });

  it('refuses an explicit port that is taken, with PortInUseError', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, LOOPBACK, resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const error = await startCognitoLocal({ dataDir: await newDataDir(), port, log: () => undefined }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(
        `cognito-local cannot listen on 127.0.0.1:${port}: the port is already in use. ` +
          'Stop the process that holds it, or choose another port (or none, to get a free one).',
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
