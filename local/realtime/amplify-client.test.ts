// The real Amplify v6 client (aws-amplify 6.x, @aws-amplify/api-graphql 4.x) against the endpoint on
// an https.Server on 127.0.0.1. Amplify turns `https://127.0.0.1:<port>/graphql`, which is not an
// AppSync domain, into `wss://127.0.0.1:<port>/graphql/realtime` (api-graphql,
// Providers/AWSWebSocketProvider/appsyncUrl.ts, getRealtimeEndpointUrl) and offers the
// subprotocols `graphql-ws` and `header-<base64url>`.
//
// Node 20 has no global WebSocket, which Amplify expects (React Native and browsers provide one), so
// the test installs `ws` as that global, trusting the local CA the way a device that installed it would.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Amplify } from 'aws-amplify';
import { generateClient, type GraphQLSubscription } from 'aws-amplify/api';
import { parse, print } from 'graphql';
import { WebSocket as NodeWebSocket, type ClientOptions } from 'ws';
import { loadSchema } from '../../schema/validate';
import { ensureLocalCertificates } from '../appsync/tls';
import { userToken } from './testing/fake-auth';
import { startHarness, type Harness } from './testing/realtime-harness';

const schema = loadSchema();
const QUERY = 'subscription On($spaceId: ID!) { onNoteChanged(spaceId: $spaceId) { id spaceId title } }';
let harness: Harness;
let certificateDir: string;
const globals = globalThis as { WebSocket?: unknown };
const originalWebSocket = globals.WebSocket;

beforeAll(async () => {
  certificateDir = await mkdtemp(path.join(tmpdir(), 'outpost-realtime-'));
  const { caPem, certPem, keyPem } = await ensureLocalCertificates(certificateDir);
  const options: ClientOptions = { ca: caPem };
  globals.WebSocket = class TrustingLocalCa extends NodeWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, options);
    }
  };
  harness = await startHarness(schema, { server: createServer({ cert: certPem, key: keyPem }) });
  Amplify.configure({
    API: { GraphQL: { endpoint: `https://127.0.0.1:${harness.port}/graphql`, region: 'us-east-1', defaultAuthMode: 'lambda' } },
  });
});

afterAll(async () => {
  await harness.stop();
  globals.WebSocket = originalWebSocket;
  await rm(certificateDir, { recursive: true, force: true });
});

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('Timed out waiting for the subscription to register.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('subscribes with Amplify v6, receives a published note, and unsubscribes', async () => {
  const client = generateClient();
  const received: unknown[] = [];
  const errors: unknown[] = [];
  const subscription = client
    .graphql<GraphQLSubscription<{ onNoteChanged: unknown }>>({
      query: QUERY,
      variables: { spaceId: 's1' },
      authMode: 'lambda',
      authToken: userToken('alice'),
    })
    .subscribe({ next: (value: unknown) => received.push(value), error: (error: unknown) => errors.push(error) });

  await until(() => harness.endpoint.stats().subscriptions === 1);
  harness.endpoint.publish({ mutationField: 'createNote', payload: { id: 'n1', spaceId: 's1', title: 'Groceries', body: 'milk' } });
  await until(() => received.length === 1);
  subscription.unsubscribe();
  await until(() => harness.endpoint.stats().subscriptions === 0);

  const [connect, start] = harness.authRequests;
  expect({
    received,
    errors,
    connect: { target: connect.target, body: connect.body, authorization: connect.headers.Authorization, host: connect.headers.host },
    start: { target: start.target, authorization: start.headers.Authorization, query: start.graphql.query },
  }).toEqual({
    received: [{ data: { onNoteChanged: { id: 'n1', spaceId: 's1', title: 'Groceries' } } }],
    errors: [],
    connect: { target: '/graphql/connect', body: '{}', authorization: 'user:alice', host: `127.0.0.1:${harness.port}` },
    // Amplify sends the query as graphql-js prints it.
    start: { target: '/graphql', authorization: 'user:alice', query: `${print(parse(QUERY))}\n` },
  });
});
