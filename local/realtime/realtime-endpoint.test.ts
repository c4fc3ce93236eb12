// AppSync's real-time protocol, driven by a raw `ws` client over 127.0.0.1 against a real
// http.Server. Message shapes follow "Building a real-time WebSocket client in AWS AppSync"
// (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html) unless a
// test cites another source.
import { request as httpRequest } from 'node:http';
import { loadSchema } from '../../schema/validate';
import { API_KEY, userToken } from './testing/fake-auth';
import { startHarness, type Harness, type HarnessOptions } from './testing/realtime-harness';
import { encodeHeader, headerProtocol, TestClient } from './testing/test-client';

const schema = loadSchema();
const userHeader = { host: '127.0.0.1', Authorization: userToken('alice') };

const ON_NOTE = 'subscription On($spaceId: ID!) { onNoteChanged(spaceId: $spaceId) { id spaceId title body } }';

function start(id: string, query = ON_NOTE, variables: Record<string, unknown> = { spaceId: 's1' }, authorization: Record<string, string> = userHeader) {
  return { id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } };
}

const note = { id: 'n1', spaceId: 's1', title: 'Groceries', body: 'milk' };

let harness: Harness;
const clients: TestClient[] = [];

async function setUp(options: HarnessOptions = {}): Promise<void> {
  harness = await startHarness(schema, options);
}

async function connect(headers: Record<string, string> = userHeader): Promise<TestClient> {
  const client = await TestClient.connect(`${harness.url}?header=${encodeURIComponent(encodeHeader(headers))}&payload=e30=`, ['graphql-ws']);
  clients.push(client);
  return client;
}

async function connectAndInit(headers: Record<string, string> = userHeader): Promise<TestClient> {
  const client = await connect(headers);
  client.send({ type: 'connection_init' });
  expect(await client.next()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
  expect(await client.next()).toEqual({ type: 'ka' });
  return client;
}

async function subscribe(client: TestClient, id: string, message = start(id)): Promise<void> {
  client.send(message);
  expect(await client.nextMessage()).toEqual({ id, type: 'start_ack' });
}

/** A stop for an unknown id is answered with `complete`: a marker that nothing came before it. */
async function expectNothingMore(client: TestClient): Promise<void> {
  client.send({ type: 'stop', id: 'marker' });
  expect(await client.nextMessage()).toEqual({ type: 'complete', id: 'marker' });
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await harness.stop();
});

describe('connection handshake', () => {
  beforeEach(() => setUp());

  it('acknowledges connection_init with connectionTimeoutMs, then sends ka; the header query parameter is authenticated as a POST of {} to /graphql/connect', async () => {
    const client = await connect();
    client.send({ type: 'connection_init' });
    expect([await client.next(), await client.next()]).toEqual([{ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } }, { type: 'ka' }]);
    expect(client.socket.protocol).toBe('graphql-ws');
    expect(harness.authRequests).toEqual([
      { method: 'POST', target: '/graphql/connect', headers: userHeader, body: '{}', sourceIp: '127.0.0.1', graphql: { query: '' } },
    ]);
  });

  it('reads the header from the header-<base64url> subprotocol, as Amplify v6 sends it', async () => {
    // @aws-amplify/api-graphql, AWSWebSocketProvider: `new WebSocket(url, ['graphql-ws', 'header-…'])`.
    const headers = { host: '127.0.0.1:443', 'x-amz-date': '20260101T000000Z', 'x-api-key': API_KEY };
    const client = await TestClient.connect(harness.url, ['graphql-ws', headerProtocol(headers)]);
    clients.push(client);
    client.send({ type: 'connection_init' });
    expect(await client.nextMessage()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    expect([client.socket.protocol, harness.authRequests.map((request) => request.headers)]).toEqual(['graphql-ws', [headers]]);
  });

  it('answers a refused header with connection_error carrying errorCode, and closes', async () => {
    const client = await connect({ host: '127.0.0.1', Authorization: 'forged' });
    client.send({ type: 'connection_init' });
    // Amplify reads errors[0].errorType and errorCode and stops retrying on 401
    // (@aws-amplify/api-graphql, AWSAppSyncRealTimeProvider._extractErrorCodeAndType, NON_RETRYABLE_CODES).
    expect(await client.next()).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 }] },
    });
    expect(await client.closed).toEqual({ code: 1000, reason: 'connection_error' });
  });

  it('answers a start on a connection whose header was refused with connection_error', async () => {
    const client = await connect({ host: '127.0.0.1', Authorization: 'forged' });
    client.send(start('too-soon'));
    expect([await client.next(), harness.endpoint.stats()]).toEqual([
      {
        type: 'connection_error',
        payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 }] },
      },
      { connections: 1, subscriptions: 0 },
    ]);
  });

  it('answers a header that is not base64 JSON with connection_error', async () => {
    const client = await TestClient.connect(`${harness.url}?header=not-json&payload=e30=`, ['graphql-ws']);
    clients.push(client);
    client.send({ type: 'connection_init' });
    expect(await client.next()).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'BadRequestException', message: 'The connection header is not base64-encoded JSON.', errorCode: 400 }] },
    });
  });

  it('refuses an upgrade that does not offer graphql-ws, and other paths', async () => {
    const status = (path: string, protocol: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        const request = httpRequest({
          host: '127.0.0.1',
          port: harness.port,
          path,
          headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': protocol },
        });
        request.on('response', (response) => resolve(response.statusCode));
        request.on('error', reject);
        request.end();
      });
    expect([await status('/graphql/realtime', 'mqtt'), await status('/elsewhere', 'graphql-ws')]).toEqual([400, 404]);
  });
});

describe('subscriptions', () => {
  beforeEach(() => setUp());

  it('start → start_ack, a matching mutation → data, stop → complete, and nothing after stop', async () => {
    const client = await connectAndInit();
    await subscribe(client, 'sub-1');
    expect(harness.endpoint.publish({ mutationField: 'createNote', payload: note })).toEqual({ delivered: 1, dropped: 0 });
    expect(await client.nextMessage()).toEqual({ id: 'sub-1', type: 'data', payload: { data: { onNoteChanged: note } } });
    client.send({ type: 'stop', id: 'sub-1' });
    expect(await client.nextMessage()).toEqual({ type: 'complete', id: 'sub-1' });
    expect([harness.endpoint.publish({ mutationField: 'updateNote', payload: note }), harness.endpoint.stats()]).toEqual([
      { delivered: 0, dropped: 0 },
      { connections: 1, subscriptions: 0 },
    ]);
    await expectNothingMore(client);
  });

  it('authenticates each start with its own extensions.authorization, as a POST of the data string to /graphql', async () => {
    const client = await connectAndInit();
    const message = start('sub-1');
    await subscribe(client, 'sub-1', message);
    expect(harness.authRequests[1]).toEqual({
      method: 'POST',
      target: '/graphql',
      headers: userHeader,
      body: message.payload.data,
      sourceIp: '127.0.0.1',
      graphql: { query: ON_NOTE, operationName: undefined, variables: { spaceId: 's1' } },
    });
  });

  it('accepts start without connection_init, which the guide marks optional', async () => {
    const client = await connect();
    await subscribe(client, 'early');
  });

  it('filters on the arguments the subscriber passed, against the mutation result (aws/aws-appsync-community#109)', async () => {
    const client = await connectAndInit();
    await subscribe(client, 'in-s1', start('in-s1', ON_NOTE, { spaceId: 's1' }));
    await subscribe(client, 'in-s2', start('in-s2', ON_NOTE, { spaceId: 's2' }));
    expect(harness.endpoint.publish({ mutationField: 'deleteNote', payload: { ...note, spaceId: 's2' } })).toEqual({ delivered: 1, dropped: 0 });
    expect(await client.nextMessage()).toEqual({ id: 'in-s2', type: 'data', payload: { data: { onNoteChanged: { ...note, spaceId: 's2' } } } });
    await expectNothingMore(client);
  });

  it('sends only what the mutation selected: unselected fields are null, an unselected non-null field nulls the subscription field', async () => {
    // graphql-on-aws-appsync-book.com, "Event fields": the captured event is
    // {"data":{"newTodo":null},"errors":[{"message":"Cannot return null for non-nullable type: 'AWSDateTime' within parent 'Todo' (/newTodo/created)","path":["newTodo","created"]}]}.
    const client = await connectAndInit();
    await subscribe(client, 'loose', start('loose', 'subscription { onNoteChanged(spaceId: "s1") { id title body } }', {}));
    await subscribe(client, 'strict', start('strict', 'subscription { changed: onNoteChanged(spaceId: "s1") { id createdAt } }', {}));
    harness.endpoint.publish({ mutationField: 'updateNote', payload: { id: 'n1', spaceId: 's1', title: 'Groceries' } });
    expect([await client.nextMessage(), await client.nextMessage()]).toEqual([
      { id: 'loose', type: 'data', payload: { data: { onNoteChanged: { id: 'n1', title: 'Groceries', body: null } } } },
      {
        id: 'strict',
        type: 'data',
        payload: {
          data: { changed: null },
          errors: [{ path: ['changed', 'createdAt'], message: "Cannot return null for non-nullable type: 'AWSDateTime' within parent 'Note' (/changed/createdAt)" }],
        },
      },
    ]);
  });

  it('refuses a second start with an id already in use', async () => {
    const client = await connectAndInit();
    await subscribe(client, 'same');
    client.send(start('same'));
    expect(await client.nextMessage()).toEqual({
      type: 'error',
      id: 'same',
      payload: { errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id same' }] },
    });
  });

  it('refuses a field the caller may not read: onNoteChanged has no API key directive', async () => {
    // The error AppSync gives for a field outside the caller's mode (aws-amplify/amplify-category-api#2422).
    const client = await connectAndInit({ host: '127.0.0.1', 'x-api-key': API_KEY });
    client.send(start('by-key', ON_NOTE, { spaceId: 's1' }, { host: '127.0.0.1', 'x-api-key': API_KEY }));
    expect(await client.nextMessage()).toEqual({
      type: 'error',
      id: 'by-key',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onNoteChanged on type Subscription' }] },
    });
  });

  it('refuses a start whose own authorization is refused', async () => {
    const client = await connectAndInit();
    client.send(start('forged', ON_NOTE, { spaceId: 's1' }, { host: '127.0.0.1', Authorization: 'forged' }));
    expect(await client.nextMessage()).toEqual({
      type: 'error',
      id: 'forged',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.', errorCode: 401 }] },
    });
  });

  it('answers invalid queries with their validation errors, and a query operation as unsupported', async () => {
    // Errors carry only a message, as in "Connection failed: {"errors":[{"message":"Variable 'deleted' has coerced Null value…"}]}" (aws-amplify/amplify-cli#7427).
    const client = await connectAndInit();
    client.send(start('bad-field', 'subscription { onNoteChanged(spaceId: "s1") { nope } }', {}));
    client.send(start('bad-var', ON_NOTE, {}));
    client.send(start('syntax', 'subscription {', {}));
    client.send(start('query', '{ me { id } }', {}));
    const byId = Object.fromEntries(await Promise.all([0, 1, 2, 3].map(async () => client.nextMessage()))
      .then((frames) => frames.map((frame) => [frame.id, frame])));
    expect(byId).toEqual({
      'bad-field': {
        type: 'error',
        id: 'bad-field',
        payload: { errors: [{ message: "Validation error of type FieldUndefined: Field 'nope' in type 'Note' is undefined @ 'onNoteChanged/nope'" }] },
      },
      'bad-var': { type: 'error', id: 'bad-var', payload: { errors: [{ message: 'Variable "$spaceId" of required type "ID!" was not provided.' }] } },
      syntax: { type: 'error', id: 'syntax', payload: { errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.' }] } },
      query: { type: 'error', id: 'query', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' }] } },
    });
  });

  it('answers malformed frames with UnsupportedOperation and keeps the connection usable', async () => {
    const client = await connectAndInit();
    client.send('{not json');
    client.send({ type: 'subscribe', id: 'x' });
    client.send({ type: 'start', id: 'no-data', payload: {} });
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    const unsupported = { errors: [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }] };
    expect([await client.nextMessage(), await client.nextMessage(), await client.nextMessage(), await client.nextMessage()]).toEqual([
      { type: 'error', payload: unsupported },
      { type: 'error', id: 'x', payload: unsupported },
      { type: 'error', id: 'no-data', payload: unsupported },
      { type: 'error', payload: unsupported },
    ]);
    await subscribe(client, 'still-works');
  });
});

describe('subscription resolvers', () => {
  it('passes the resolver the subscriber and applies its enhanced filter', async () => {
    await setUp({
      resolver: () => ({ subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'title', operator: 'beginsWith', value: 'Urgent' }] }] } }),
    });
    const client = await connectAndInit();
    await subscribe(client, 'urgent');
    harness.endpoint.publish({ mutationField: 'createNote', payload: note });
    harness.endpoint.publish({ mutationField: 'createNote', payload: { ...note, title: 'Urgent: milk' } });
    expect(await client.nextMessage()).toEqual({ id: 'urgent', type: 'data', payload: { data: { onNoteChanged: { ...note, title: 'Urgent: milk' } } } });
    await expectNothingMore(client);
    const [call] = harness.resolverCalls;
    expect({ ...call, auth: call.auth.mode }).toEqual({
      fieldName: 'onNoteChanged',
      arguments: { spaceId: 's1' },
      auth: 'AMAZON_COGNITO_USER_POOLS',
      headers: userHeader,
      info: {
        fieldName: 'onNoteChanged',
        parentTypeName: 'Subscription',
        variables: { spaceId: 's1' },
        selectionSetList: ['id', 'spaceId', 'title', 'body'],
        selectionSetGraphQL: '{\n  id\n  spaceId\n  title\n  body\n}',
      },
      query: ON_NOTE,
    });
  });

  it('answers a resolver error with an error message and registers nothing', async () => {
    await setUp({ resolver: () => ({ error: { errorType: 'Unauthorized', message: 'Not a member of s1' } }) });
    const client = await connectAndInit();
    client.send(start('refused'));
    expect([await client.nextMessage(), harness.endpoint.stats()]).toEqual([
      { type: 'error', id: 'refused', payload: { errors: [{ errorType: 'Unauthorized', message: 'Not a member of s1' }] } },
      { connections: 1, subscriptions: 0 },
    ]);
  });

  it('answers a filter AppSync would reject', async () => {
    await setUp({ resolver: () => ({ subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'title', operator: 'like', value: 'x' }] }] } }) });
    const client = await connectAndInit();
    client.send(start('odd'));
    expect(await client.nextMessage()).toEqual({
      type: 'error',
      id: 'odd',
      payload: { errors: [{ errorType: 'InvalidSubscriptionFilter', message: "Unknown filter operator 'like' for field 'title'." }] },
    });
  });

  it('a stop that arrives while the start is being checked cancels it: complete, and no start_ack', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await setUp({ resolver: async () => held.then(() => ({})) });
    const client = await connectAndInit();
    client.send(start('slow'));
    client.send({ type: 'stop', id: 'slow' });
    expect(await client.nextMessage()).toEqual({ type: 'complete', id: 'slow' });
    release();
    await expectNothingMore(client);
    expect(harness.endpoint.stats()).toEqual({ connections: 1, subscriptions: 0 });
  });

  it('reports a resolver that throws as an internal failure, with a warning line', async () => {
    await setUp({
      resolver: () => {
        throw new Error('resolver bundle missing');
      },
    });
    const client = await connectAndInit();
    client.send(start('broken'));
    expect([await client.nextMessage(), harness.warnings]).toEqual([
      { type: 'error', id: 'broken', payload: { errors: [{ errorType: 'InternalFailure', message: 'An internal failure occurred.' }] } },
      ['warning: real-time request broken failed: resolver bundle missing'],
    ]);
    await expectNothingMore(client);
  });

  it('invalidation ends the subscriptions whose invalidation filter matches, with complete', async () => {
    // "forcibly unsubscribe" (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html);
    // the client is told the way a stop is answered.
    await setUp({
      resolver: (call) => ({ invalidationFilter: { filterGroup: [{ filters: [{ fieldName: 'spaceId', operator: 'eq', value: call.arguments.spaceId }] }] } }),
    });
    const client = await connectAndInit();
    await subscribe(client, 'in-s1', start('in-s1', ON_NOTE, { spaceId: 's1' }));
    await subscribe(client, 'in-s2', start('in-s2', ON_NOTE, { spaceId: 's2' }));
    expect(harness.endpoint.invalidateSubscriptions({ subscriptionField: 'onNoteChanged', payload: { spaceId: 's1' } })).toBe(1);
    expect(await client.nextMessage()).toEqual({ type: 'complete', id: 'in-s1' });
    expect(harness.endpoint.publish({ mutationField: 'createNote', payload: note })).toEqual({ delivered: 0, dropped: 0 });
    expect(harness.endpoint.publish({ mutationField: 'createNote', payload: { ...note, spaceId: 's2' } })).toEqual({ delivered: 1, dropped: 0 });
  });
});

describe('limits', () => {
  it('refuses the 101st subscription of a connection with MaxSubscriptionsReachedError, errors as an object', async () => {
    // Captured AppSync response, aws-amplify/aws-appsync-realtime-client-ios,
    // AppSyncRealTimeClient/ConnectionProvider/AppsyncRealtimeConnection/RealtimeConnectionProviderResponse.swift.
    await setUp();
    const client = await connectAndInit();
    for (let index = 0; index < 100; index += 1) client.send(start(`s${index}`));
    for (let index = 0; index < 100; index += 1) await client.nextMessage();
    client.send(start('one-too-many'));
    expect([await client.nextMessage(), harness.endpoint.stats()]).toEqual([
      { type: 'error', id: 'one-too-many', payload: { errors: { errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 100 subscriptions reached' } } },
      { connections: 1, subscriptions: 100 },
    ]);
  });

  it('drops a message over 240 KB without telling the subscriber, and warns locally', async () => {
    // aws/aws-appsync-community#175: "not even an error is thrown when the ... payload size is exceeded".
    await setUp();
    const client = await connectAndInit();
    await subscribe(client, 'big');
    const body = 'x'.repeat(240 * 1024);
    const bytes = Buffer.byteLength(JSON.stringify({ data: { onNoteChanged: { ...note, body } } }));
    expect([harness.endpoint.publish({ mutationField: 'createNote', payload: { ...note, body } }), harness.warnings]).toEqual([
      { delivered: 0, dropped: 1 },
      [
        `warning: createNote produced a ${bytes}-byte onNoteChanged message; AppSync does not deliver subscription payloads over 245760 bytes, so it was dropped.`,
      ],
    ]);
    await expectNothingMore(client);
  });

  it('sends ka every keepAliveIntervalMs', async () => {
    await setUp({ limits: { keepAliveIntervalMs: 50 } });
    const client = await connectAndInit();
    expect([await client.next(), await client.next()]).toEqual([{ type: 'ka' }, { type: 'ka' }]);
  });

  // AppSync documents no server-side idle limit; Outpost closes a connection that holds no
  // subscription for idleTimeoutMs (local/realtime/limits.ts says why), and never one that does.
  it('closes a connection that has held no subscription for idleTimeoutMs, counting from its last stop', async () => {
    await setUp({ limits: { idleTimeoutMs: 300 } });
    const neverSubscribed = await connectAndInit();
    const subscribed = await connectAndInit();
    await subscribe(subscribed, 'sub-1');
    expect(await neverSubscribed.closed).toEqual({ code: 1000, reason: 'Idle: no subscription.' });
    // Still open well past the idle limit while it holds a subscription: the stop's answer arrives.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const stoppedAt = Date.now();
    subscribed.send({ type: 'stop', id: 'sub-1' });
    expect(await subscribed.nextMessage()).toEqual({ type: 'complete', id: 'sub-1' });
    expect(await subscribed.closed).toEqual({ code: 1000, reason: 'Idle: no subscription.' });
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(250);
    // The server releases a connection when its side of the close completes, just after the client's.
    for (let attempt = 0; attempt < 50 && harness.endpoint.stats().connections > 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(harness.endpoint.stats()).toEqual({ connections: 0, subscriptions: 0 });
  });
});

describe('token expiry', () => {
  beforeEach(() => setUp());

  it('ends a subscription when its token expires, with UnauthorizedException', async () => {
    // Amplify v6 treats this error as an auth error and reconnects with fresh tokens (aws-amplify/amplify-js#14569);
    // the wording is AppSync's (awslabs/aws-mobile-appsync-sdk-js#666).
    const client = await connectAndInit();
    const shortLived = { host: '127.0.0.1', Authorization: userToken('alice', Date.now() + 300) };
    await subscribe(client, 'short', start('short', ON_NOTE, { spaceId: 's1' }, shortLived));
    expect(await client.nextMessage()).toEqual({ type: 'error', id: 'short', payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] } });
    expect(harness.endpoint.stats()).toEqual({ connections: 1, subscriptions: 0 });
  });

  it('closes the connection when the connection token expires', async () => {
    const client = await connectAndInit({ host: '127.0.0.1', Authorization: userToken('alice', Date.now() + 300) });
    expect([await client.nextMessage(), await client.closed]).toEqual([
      { type: 'connection_error', payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.', errorCode: 401 }] } },
      { code: 1000, reason: 'Token has expired.' },
    ]);
  });
});
