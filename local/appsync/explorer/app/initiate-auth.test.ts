// The explorer's sign-in call, run in Node against a user pool stand-in that answers like cognito-local.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { initiateAuth, SignInError } from './initiate-auth';

type Reply = { status: number; contentType: string; body: string };

async function withUserPool(reply: Reply, use: (endpoint: string, received: unknown[]) => Promise<void>): Promise<void> {
  const received: unknown[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method, target: request.headers['x-amz-target'], contentType: request.headers['content-type'], body: JSON.parse(body) });
      response.writeHead(reply.status, { 'Content-Type': reply.contentType });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, received);
  } finally {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
}

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SignInError)) throw new Error(`expected a SignInError, got ${String(error)}`);
  return { name: error.name, message: error.message };
}

const AMZ_JSON = 'application/x-amz-json-1.1';

describe('initiateAuth', () => {
  it('sends USER_PASSWORD_AUTH and returns the ID token', async () => {
    const reply = { AuthenticationResult: { IdToken: 'id.token.value', AccessToken: 'access', ExpiresIn: 3600 } };
    await withUserPool({ status: 200, contentType: AMZ_JSON, body: JSON.stringify(reply) }, async (endpoint, received) => {
      const session = await initiateAuth(endpoint, 'client-1', 'alice@example.com', 'Passw0rd!alice');
      // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
      expect({ session, received }).toEqual({
        session: { username: 'alice@example.com', idToken: 'id.token.value' },
        received: [
          {
            method: 'POST',
            target: 'AWSCognitoIdentityProviderService.InitiateAuth',
            contentType: AMZ_JSON,
            body: {
              AuthFlow: 'USER_PASSWORD_AUTH',
              ClientId: 'client-1',
              AuthParameters: { USERNAME: 'alice@example.com', PASSWORD: 'Passw0rd!alice' },
            },
          },
        ],
      });
    });
  });

  it.each([
    [
      'an AWS JSON error',
      { status: 400, contentType: AMZ_JSON, body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }) },
      'NotAuthorizedException: Incorrect username or password.',
    ],
    [
      'a namespaced error type',
      { status: 400, contentType: AMZ_JSON, body: JSON.stringify({ __type: 'com.amazonaws#UserNotFoundException', message: 'User does not exist.' }) },
      'UserNotFoundException: User does not exist.',
    ],
    [
      'a challenge instead of tokens',
      { status: 200, contentType: AMZ_JSON, body: JSON.stringify({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' }) },
      'The user pool asks for the NEW_PASSWORD_REQUIRED challenge, which the explorer does not answer.',
    ],
    [
      'a body that is not JSON',
      { status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' },
      'The user pool answered HTTP 502 with something other than JSON: <h1>Bad gateway</h1>',
    ],
  ])('turns %s into a SignInError', async (_case, reply, message) => {
    await withUserPool(reply, async (endpoint) => {
      expect(await failure(initiateAuth(endpoint, 'client-1', 'bob@example.com', 'wrong'))).toEqual({ name: 'SignInError', message });
    });
  });

  it('reports a user pool that cannot be reached', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    expect(await failure(initiateAuth(endpoint, 'client-1', 'bob@example.com', 'pw'))).toEqual({
      name: 'SignInError',
      message: `The user pool at ${endpoint} cannot be reached.`,
    });
  });
});
