// IAM end to end: headers signed the way Amplify v6 signs them (its own signRequest, over the
// headers in AWS_APPSYNC_REALTIME_HEADERS) and checked by the real Authenticator. The connection is
// signed as a POST of `{}` to `<endpoint>/connect`, each subscription as a POST of its `data` string
// to the endpoint (@aws-amplify/api-graphql, AWSWebSocketProvider/authHeaders.ts, awsRealTimeIAMHeader;
// AWS guide: https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html#iam).
import { signRequest } from '@aws-amplify/core/internals/aws-client-utils';
import { loadSchema } from '../../schema/validate';
import { Authenticator, type AuthConfig } from '../appsync/auth';
import { systemClock } from '../services/clock';
import { startHarness, type Harness } from './testing/realtime-harness';
import { encodeHeader, TestClient } from './testing/test-client';

const config: AuthConfig = {
  apiId: 'localapi',
  accountId: '000000000000',
  region: 'us-east-1',
  defaultMode: { authenticationType: 'AWS_IAM' },
  additionalModes: [],
  apiKeys: [],
  iamCredentials: { AKIDLOCAL: { secretAccessKey: 'local-secret', userArn: 'arn:aws:iam::000000000000:user/alice', username: 'AIDALOCAL' } },
};
const credentials = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const QUERY = 'subscription { onNoteChanged(spaceId: "s1") { id title } }';

let harness: Harness;
let client: TestClient;

beforeEach(async () => {
  const authenticator = new Authenticator(config, { clock: systemClock, fetchJson: () => Promise.reject(new Error('no JWKS for IAM')) });
  harness = await startHarness(loadSchema(), { authenticate: (request) => authenticator.authenticate(request) });
});

afterEach(async () => {
  await client.close();
  await harness.stop();
});

function signed(url: string, body: string): Record<string, string> {
  const headers = { accept: 'application/json, text/javascript', 'content-encoding': 'amz-1.0', 'content-type': 'application/json; charset=UTF-8' };
  return signRequest({ headers, method: 'POST', url: new URL(url), body }, { credentials, signingRegion: 'us-east-1', signingService: 'appsync' }).headers;
}

async function connectSigned(): Promise<void> {
  const endpoint = `https://127.0.0.1:${harness.port}/graphql`;
  client = await TestClient.connect(`${harness.url}?header=${encodeURIComponent(encodeHeader(signed(`${endpoint}/connect`, '{}')))}&payload=e30=`, ['graphql-ws']);
  client.send({ type: 'connection_init' });
  expect(await client.nextMessage()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
}

it('accepts a connection and a subscription signed with SigV4', async () => {
  await connectSigned();
  const data = JSON.stringify({ query: QUERY, variables: {} });
  client.send({ id: 'iam', type: 'start', payload: { data, extensions: { authorization: signed(`https://127.0.0.1:${harness.port}/graphql`, data) } } });
  expect(await client.nextMessage()).toEqual({ id: 'iam', type: 'start_ack' });
});

it('refuses a subscription whose signature does not cover its data', async () => {
  await connectSigned();
  const data = JSON.stringify({ query: QUERY, variables: {} });
  client.send({ id: 'iam', type: 'start', payload: { data, extensions: { authorization: signed(`https://127.0.0.1:${harness.port}/graphql`, '{}') } } });
  expect(await client.nextMessage()).toEqual({
    type: 'error',
    id: 'iam',
    payload: {
      errors: [{ errorType: 'BadRequestException', errorCode: 403, message: expect.stringMatching(/^The request signature we calculated does not match the signature you provided\./) }],
    },
  });
});
