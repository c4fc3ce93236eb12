// Delta sync for offline clients, end to end: a base sync pages through every note of the caller's
// spaces (tombstones included) and never another space's; a delta sync from its startedAt returns
// exactly what changed since, with AppSync's _version, _deleted and _lastChangedAt
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-conflict-detection-and-sync-sync-operations.html).
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import type { TestUser } from '../harness/users';

jest.setTimeout(90_000);

const running = useLocalStack();
const { signUp, as, data } = signedInClient(running);
const SYNC = 'query Sync($limit: Int, $nextToken: String, $lastSync: AWSTimestamp) { syncNotes(limit: $limit, nextToken: $nextToken, lastSync: $lastSync) { items { id spaceId title _version _deleted } nextToken startedAt } }';

type SyncedNote = { id: string; spaceId: string; title: string; _version: number; _deleted: boolean | null };
type SyncPage = { items: SyncedNote[]; nextToken: string | null; startedAt: number };

let ada: TestUser;
let bea: TestUser;

/** Every page of a sync, followed to the end (bounded), with the startedAt of each page. */
async function syncAll(user: TestUser, variables: Record<string, unknown>): Promise<{ items: SyncedNote[]; pages: number; startedAts: number[] }> {
  const items: SyncedNote[] = [];
  const startedAts: number[] = [];
  let nextToken: string | null = null;
  for (let pages = 1; pages <= 50; pages += 1) {
    const page: SyncPage = (await data<{ syncNotes: SyncPage }>(user, SYNC, { ...variables, nextToken })).syncNotes;
    items.push(...page.items);
    startedAts.push(page.startedAt);
    nextToken = page.nextToken;
    if (nextToken === null) return { items, pages, startedAts };
  }
  throw new Error('syncNotes did not end within 50 pages');
}

const byId = (a: SyncedNote, b: SyncedNote) => a.id.localeCompare(b.id);

let spaces: string[];
let notes: SyncedNote[];

beforeAll(async () => {
  ada = await signUp('ada@sync.example.com');
  bea = await signUp('bea@sync.example.com');
  spaces = [];
  notes = [];
  for (const [name, count] of [['Trail', 3], ['Camp', 2]] as const) {
    const spaceId = (await data<{ createSpace: { id: string } }>(ada, 'mutation S($input: CreateSpaceInput!) { createSpace(input: $input) { id } }', { input: { name } })).createSpace.id;
    spaces.push(spaceId);
    for (let n = 1; n <= count; n += 1) {
      const created = await data<{ createNote: SyncedNote }>(ada, 'mutation N($input: CreateNoteInput!) { createNote(input: $input) { id spaceId title _version _deleted } }', { input: { spaceId, title: `${name} ${n}` } });
      notes.push(created.createNote);
    }
  }
  // bea's own space: never part of ada's sync.
  const beas = (await data<{ createSpace: { id: string } }>(bea, 'mutation S($input: CreateSpaceInput!) { createSpace(input: $input) { id } }', { input: { name: 'Private' } })).createSpace.id;
  await data(bea, 'mutation N($input: CreateNoteInput!) { createNote(input: $input) { id } }', { input: { spaceId: beas, title: 'Secret' } });
});

describe('syncNotes', () => {
  it('pages a base sync through every note of the caller’s spaces, space by space, with one startedAt', async () => {
    const synced = await syncAll(ada, { limit: 2 });
    expect({ items: [...synced.items].sort(byId), sameStartedAt: new Set(synced.startedAts).size }).toEqual({ items: [...notes].sort(byId), sameStartedAt: 1 });
    // 3 notes in one space and 2 in the other, 2 per page: at least 3 pages.
    expect(synced.pages).toBeGreaterThanOrEqual(3);
  });

  it('gives a user only their own spaces', async () => {
    const synced = await syncAll(bea, {});
    expect(synced.items.map((note) => note.title)).toEqual(['Secret']);
  });

  it('returns, from the last startedAt, only what changed since: updates and deletions', async () => {
    const { startedAts } = await syncAll(ada, {});
    const lastSync = startedAts[0];
    const [first, second] = notes;
    await data(ada, 'mutation U($input: UpdateNoteInput!) { updateNote(input: $input) { id } }', { input: { id: first.id, _version: first._version, title: 'Trail 1, revised' } });
    await data(ada, 'mutation D($input: DeleteNoteInput!) { deleteNote(input: $input) { id } }', { input: { id: second.id, _version: second._version } });

    const delta = await syncAll(ada, { lastSync });
    expect([...delta.items].sort(byId)).toEqual(
      [
        { id: first.id, spaceId: first.spaceId, title: 'Trail 1, revised', _version: 2, _deleted: null },
        { id: second.id, spaceId: second.spaceId, title: second.title, _version: 2, _deleted: true },
      ].sort(byId),
    );

    // A lastSync older than the delta table keeps (30 minutes) is answered by a base sync: all of
    // ada's notes, the deleted one as a tombstone.
    const base = await syncAll(ada, { lastSync: Date.now() - 31 * 60_000 });
    expect(base.items.length).toBe(notes.length);
    expect(base.items.find((note) => note.id === second.id)).toEqual({ id: second.id, spaceId: second.spaceId, title: second.title, _version: 2, _deleted: true });
  });

  it('rejects a nextToken it did not issue', async () => {
    const response = await as(ada, SYNC, { nextToken: Buffer.from('base\n1\nsomeone-elses-space').toString('base64') });
    expect(response.body).toEqual({
      data: null,
      errors: [expect.objectContaining({ path: ['syncNotes'], errorType: 'ValidationError', message: 'nextToken is not a token this query returned.' })],
    });
  });
});
