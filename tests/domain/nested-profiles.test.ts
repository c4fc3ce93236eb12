// Note.author, Comment.author and Membership.user end to end: each list's profiles come from one
// BatchInvoke of the profile loader (one BatchGetItem), not one call per item
// (https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html, "Batching").
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import type { TestUser } from '../harness/users';

jest.setTimeout(90_000);

const running = useLocalStack();
const { signUp, data } = signedInClient(running);
let ada: TestUser;
let bea: TestUser;

/** The loader's invocations so far, counted from the Lambda START lines in the stack's log. */
const loaderStarts = () => running().log.filter((line) => /^lambda .*UserProfiles.*: START RequestId/.test(line)).length;

let spaceId: string;

beforeAll(async () => {
  ada = await signUp('ada@nested.example.com');
  bea = await signUp('bea@nested.example.com');
  for (const [user, handle] of [[ada, 'ada_nested'], [bea, 'bea_nested']] as const) {
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
