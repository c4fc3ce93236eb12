// Note.author, Comment.author and Membership.user end to end: each list's profiles come from one
// BatchInvoke of the profile loader (one BatchGetItem), not one call per item
// (https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html, "Batching").
import { ok, postGraphql } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { createTestUser, signIn, type TestUser } from '../harness/users';

jest.setTimeout(90_000);

const running = useLocalStack();
let ada: TestUser;
let bea: TestUser;
const tokens = new Map<string, string>();

async function data<T>(user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await postGraphql(running().stack.urls.http, { query, variables }, { headers: { authorization: tokens.get(user.sub)! } });
  expect(response).toEqual(ok({ data: expect.anything() }));
  return (response.body as { data: T }).data;
}

/** The loader's invocations so far, counted from the Lambda START lines in the stack's log. */
const loaderStarts = () => running().log.filter((line) => /^lambda .*UserProfiles.*: START RequestId/.test(line)).length;

let spaceId: string;

beforeAll(async () => {
  const { stack } = running();
  ada = await createTestUser(stack, 'ada@nested.example.com');
  bea = await createTestUser(stack, 'bea@nested.example.com');
  for (const [user, handle] of [[ada, 'ada_nested'], [bea, 'bea_nested']] as const) {
    tokens.set(user.sub, (await signIn(stack, user.username, user.password)).idToken);
    await data(user, 'mutation P($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', { input: { handle, displayName: handle.toUpperCase() } });
  }
  spaceId = (await data<{ createSpace: { id: string } }>(ada, 'mutation S($input: CreateSpaceInput!) { createSpace(input: $input) { id } }', { input: { name: 'Shared' } })).createSpace.id;
  await data(ada, 'mutation A($spaceId: ID!, $userId: ID!) { addMember(spaceId: $spaceId, userId: $userId, role: EDITOR) { role } }', { spaceId, userId: bea.sub });
  for (const [user, title] of [[ada, 'One'], [bea, 'Two'], [ada, 'Three'], [bea, 'Four']] as const) {
    await data(user, 'mutation N($input: CreateNoteInput!) { createNote(input: $input) { id } }', { input: { spaceId, title } });
  }
});

describe('nested profiles', () => {
  it('resolves the authors of a page of notes with one loader call', async () => {
    const before = loaderStarts();
    const { notes } = await data<{ notes: { items: { title: string; author: { handle: string; displayName: string } | null }[] } }>(
      ada,
      'query L($spaceId: ID!) { notes(spaceId: $spaceId) { items { title author { handle displayName } } } }',
      { spaceId },
    );
    expect(notes.items).toEqual([
      { title: 'Four', author: { handle: 'bea_nested', displayName: 'BEA_NESTED' } },
      { title: 'Three', author: { handle: 'ada_nested', displayName: 'ADA_NESTED' } },
      { title: 'Two', author: { handle: 'bea_nested', displayName: 'BEA_NESTED' } },
      { title: 'One', author: { handle: 'ada_nested', displayName: 'ADA_NESTED' } },
    ]);
    expect(loaderStarts() - before).toBe(1);
  });

  it('resolves a space’s members’ profiles with one loader call, hiding when they were last active', async () => {
    const before = loaderStarts();
    const { space } = await data<{ space: { members: { items: { role: string; user: Record<string, unknown> }[] } } }>(
      bea,
      'query M($id: ID!) { space(id: $id) { members { items { role user { handle lastActiveAt expiresAt } } } } }',
      { id: spaceId },
    );
    expect([...space.members.items].sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: 'EDITOR', user: { handle: 'bea_nested', lastActiveAt: null, expiresAt: null } },
      { role: 'OWNER', user: { handle: 'ada_nested', lastActiveAt: null, expiresAt: null } },
    ]);
    expect(loaderStarts() - before).toBe(1);
  });
});
