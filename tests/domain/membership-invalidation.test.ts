// A member removed from a space stops receiving its notes and comments at once: their open
// onNoteChanged and onCommentAdded subscriptions end (AppSync sends `complete`), instead of living
// on until they reconnect.
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html
import { encodeHeader, TestClient } from '../../local/realtime/testing/test-client';
import { postGraphql } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { createTestUser, signIn, type TestUser } from '../harness/users';

jest.setTimeout(60_000);

const running = useLocalStack();
const clients: TestClient[] = [];
const tokens = new Map<string, string>();
let owner: TestUser;
let viewer: TestUser;

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

beforeAll(async () => {
  const { stack } = running();
  owner = await createTestUser(stack, 'owner@invalidation.example.com');
  viewer = await createTestUser(stack, 'viewer@invalidation.example.com');
  for (const user of [owner, viewer]) {
    tokens.set(user.sub, (await signIn(stack, user.username, user.password)).idToken);
    await as(user, 'query Me { me { id } }');
  }
});

async function as(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  const response = await postGraphql(running().stack.urls.http, { query, variables }, { headers: { authorization: tokens.get(user.sub)! } });
  return response.body as { data?: Record<string, { id?: string } | null>; errors?: unknown[] };
}

describe('removing a member', () => {
  it('ends their note and comment subscriptions for that space', async () => {
    const created = await as(owner, 'mutation { createSpace(input: { name: "Field trip" }) { id } }');
    const spaceId = created.data?.createSpace?.id as string;
    await as(owner, 'mutation Add($spaceId: ID!, $userId: ID!) { addMember(spaceId: $spaceId, userId: $userId, role: VIEWER) { userId } }', { spaceId, userId: viewer.sub });

    const port = new URL(running().stack.urls.http).port;
    const auth = { host: `localhost:${port}`, Authorization: tokens.get(viewer.sub)! };
    const client = await TestClient.connect(`ws://localhost:${port}/graphql/realtime?header=${encodeURIComponent(encodeHeader(auth))}&payload=e30=`, ['graphql-ws']);
    clients.push(client);
    client.send({ type: 'connection_init' });
    expect(await client.nextMessage()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
    const query = 'subscription Notes($spaceId: ID!) { onNoteChanged(spaceId: $spaceId) { id title spaceId } }';
    client.send({ id: 'notes', type: 'start', payload: { data: JSON.stringify({ query, variables: { spaceId } }), extensions: { authorization: auth } } });
    expect(await client.nextMessage()).toEqual({ id: 'notes', type: 'start_ack' });
    const note = await as(owner, 'mutation Note($spaceId: ID!) { createNote(input: { spaceId: $spaceId, title: "Route" }) { id title spaceId } }', { spaceId });
    const noteId = note.data?.createNote?.id as string;
    expect(await client.nextMessage(5000)).toEqual({ id: 'notes', type: 'data', payload: { data: { onNoteChanged: { id: noteId, title: 'Route', spaceId } } } });
    const comments = 'subscription Comments($noteId: ID!) { onCommentAdded(noteId: $noteId) { id body } }';
    client.send({ id: 'comments', type: 'start', payload: { data: JSON.stringify({ query: comments, variables: { noteId } }), extensions: { authorization: auth } } });
    expect(await client.nextMessage()).toEqual({ id: 'comments', type: 'start_ack' });

    const removed = await as(owner, 'mutation Remove($spaceId: ID!, $userId: ID!) { removeMember(spaceId: $spaceId, userId: $userId) { spaceId userId role } }', { spaceId, userId: viewer.sub });
    expect(removed).toEqual({ data: { removeMember: { spaceId, userId: viewer.sub, role: 'VIEWER' } } });
    const ended = [await client.nextMessage(5000), await client.nextMessage(5000)] as { id: string }[];
    expect(ended.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'comments', type: 'complete' },
      { id: 'notes', type: 'complete' },
    ]);
  });
});
