// Whole-stack: the running stack's real-time endpoint. A client that subscribes over AppSync's
// WebSocket protocol receives what a mutation on the HTTP endpoint wrote, filtered by the
// subscription's argument, and stops receiving once it sends `stop`.
// Protocol: https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
import { encodeHeader, TestClient } from '../../local/realtime/testing/test-client';
import { followerEvents, startFollower } from '../harness/amplify-follower';
import type { RunningChild } from '../harness/child-process';
import { startFixtureStack, type FixtureStack } from './fixture-stack';

let fixture: FixtureStack;
const clients: TestClient[] = [];

beforeAll(async () => {
  fixture = await startFixtureStack();
}, 180_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await fixture?.stop();
}, 60_000);

/** A raw WebSocket client on the stack's real-time endpoint, authenticated as the fixture's user. */
async function connectAsFixtureUser(): Promise<{ client: TestClient; auth: Record<string, string> }> {
  const port = new URL(fixture.stack.urls.http).port;
  const auth = { host: `localhost:${port}`, Authorization: fixture.idToken };
  const client = await TestClient.connect(`ws://localhost:${port}/graphql/realtime?header=${encodeURIComponent(encodeHeader(auth))}&payload=e30=`, ['graphql-ws']);
  clients.push(client);
  return { client, auth };
}

const SUBSCRIBE = 'subscription Kept($kind: String) { onRecordPut(kind: $kind) { id kind label } }';
const PUT = 'mutation Put($id: ID!, $kind: String!, $label: String) { putRecord(id: $id, kind: $kind, label: $label) { id kind label } }';

describe('real-time subscriptions on the running stack', () => {
  it('delivers matching mutations to a subscriber until it stops', async () => {
    const { client, auth } = await connectAsFixtureUser();

    client.send({ type: 'connection_init' });
    expect(await client.nextMessage()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    client.send({ id: 'sub-1', type: 'start', payload: { data: JSON.stringify({ query: SUBSCRIBE, variables: { kind: 'keep' } }), extensions: { authorization: auth } } });
    expect(await client.nextMessage()).toEqual({ id: 'sub-1', type: 'start_ack' });

    const asUser = { authorization: fixture.idToken };
    expect((await fixture.graphql({ query: PUT, variables: { id: 'rt-skip', kind: 'skip', label: 'not for this subscriber' } }, asUser)).status).toBe(200);
    expect((await fixture.graphql({ query: PUT, variables: { id: 'rt-keep', kind: 'keep', label: 'for this subscriber' } }, asUser)).status).toBe(200);
    // Only the `keep` record arrives: the argument filter dropped the other one.
    expect(await client.nextMessage(5000)).toEqual({
      id: 'sub-1',
      type: 'data',
      payload: { data: { onRecordPut: { id: 'rt-keep', kind: 'keep', label: 'for this subscriber' } } },
    });

    client.send({ id: 'sub-1', type: 'stop' });
    expect(await client.nextMessage()).toEqual({ id: 'sub-1', type: 'complete' });
    await fixture.graphql({ query: PUT, variables: { id: 'rt-after-stop', kind: 'keep', label: 'too late' } }, asUser);
    await expect(client.nextMessage(1500)).rejects.toThrow('No frame within 1500 ms');
  });
});

describe('the real Amplify v6 client with the API key', () => {
  let follower: RunningChild | undefined;
  afterEach(async () => {
    follower?.child.kill('SIGKILL');
    await follower?.exited();
  });

  it('subscribes with the API key from amplify_outputs.json, receives a matching mutation, and nothing after it unsubscribes', async () => {
    // tests/harness/amplify-follow.ts configures Amplify from the outputs alone and, given the API
    // key, subscribes with authMode 'apiKey' (the x-api-key header in the handshake and the start).
    follower = startFollower(fixture.stack, 'api key', SUBSCRIBE, { kind: 'by-key' }, 1);
    await follower.waitFor('"ready"', 30_000);
    const asUser = { authorization: fixture.idToken };
    await fixture.graphql({ query: PUT, variables: { id: 'key-other', kind: 'other', label: 'filtered out' } }, asUser);
    await fixture.graphql({ query: PUT, variables: { id: 'key-1', kind: 'by-key', label: 'first' } }, asUser);
    await follower.waitFor('"unsubscribed"', 30_000);
    await fixture.graphql({ query: PUT, variables: { id: 'key-2', kind: 'by-key', label: 'after unsubscribing' } }, asUser);
    // The mutation has returned, so its publication is done; a second wait lets a wrong delivery arrive.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(followerEvents(follower)).toEqual([
      { event: 'ready' },
      { event: 'data', value: { data: { onRecordPut: { id: 'key-1', kind: 'by-key', label: 'first' } } } },
      { event: 'unsubscribed' },
    ]);
  });
});

const LABELLED = 'subscription Labelled($kind: String!) { onLabelledPut(kind: $kind) { id kind label } }';

describe('subscription resolvers on the running stack', () => {
  it('applies the enhanced filter the resolver set, and ends the subscription when a mutation invalidates it', async () => {
    const { client, auth } = await connectAsFixtureUser();
    client.send({ type: 'connection_init' });
    expect(await client.nextMessage()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    client.send({ id: 'lab-1', type: 'start', payload: { data: JSON.stringify({ query: LABELLED, variables: { kind: 'news' } }), extensions: { authorization: auth } } });
    expect(await client.nextMessage()).toEqual({ id: 'lab-1', type: 'start_ack' });

    const asUser = { authorization: fixture.idToken };
    await fixture.graphql({ query: PUT, variables: { id: 'lab-cold', kind: 'news', label: 'cold take' } }, asUser);
    await fixture.graphql({ query: PUT, variables: { id: 'lab-hot', kind: 'news', label: 'hot take' } }, asUser);
    expect(await client.nextMessage(5000)).toEqual({ id: 'lab-1', type: 'data', payload: { data: { onLabelledPut: { id: 'lab-hot', kind: 'news', label: 'hot take' } } } });

    expect(await fixture.graphql({ query: 'mutation { closeKind(kind: "news") }' }, asUser)).toEqual({ status: 200, body: { data: { closeKind: 'news' } } });
    expect(await client.nextMessage(5000)).toEqual({ id: 'lab-1', type: 'complete' });
  });
});
