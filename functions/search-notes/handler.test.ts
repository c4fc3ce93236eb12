// searchNotes against the local OpenSearch-compatible service, with the notes the indexer would
// have written and the caller's memberships given directly.
import { Logger } from '@aws-lambda-powertools/logger';
import { createOpenSearchClient } from '../shared/opensearch-client';
import { NOTES_INDEX, ensureNotesIndex, type NoteDocument } from '../shared/opensearch-notes-index';
import { useSearchService } from '../shared/opensearch-testing';
import { createSearchNotesHandler, type SearchNotesDependencies } from './handler';
import { searchNotesIndex } from './search';

const search = useSearchService();
const silent = new Logger({ serviceName: 'search-notes-test', logLevel: 'SILENT' });
/** ada belongs to space-1 and space-2; space-3 is someone else's. */
const MEMBERSHIPS: Record<string, string[]> = { ada: ['space-1', 'space-2'], bea: [] };

function createHandler(overrides: Partial<SearchNotesDependencies> = {}) {
  return createSearchNotesHandler(() => ({
    logger: silent,
    memberSpaceIds: async (userId) => MEMBERSHIPS[userId] ?? [],
    search: (body) => searchNotesIndex(search.client(), body),
    ...overrides,
  }));
}
const handler = createHandler();

const doc = (id: string, spaceId: string, title: string, body: string, tags: string[], updatedAt: string): NoteDocument => ({
  id,
  spaceId,
  authorId: 'ada',
  title,
  body,
  checklist: [],
  tags,
  links: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt,
  version: 1,
  lastChangedAt: Date.parse(updatedAt),
});
const NOTES = [
  doc('n1', 'space-1', 'Curlew nest', 'Two eggs by the reeds.', ['birds'], '2026-01-03T00:00:00.000Z'),
  doc('n2', 'space-1', 'Estuary walk', 'A curlew called twice at dusk.', ['walks'], '2026-01-02T00:00:00.000Z'),
  doc('n3', 'space-2', 'Shopping', 'Bread and a flask for the curlew count.', ['errands', 'birds'], '2026-01-04T00:00:00.000Z'),
  doc('n4', 'space-3', 'Curlew survey', 'Someone else’s curlew notes.', ['birds'], '2026-01-05T00:00:00.000Z'),
];

beforeAll(async () => {
  await ensureNotesIndex(search.client());
  const body = NOTES.flatMap((note) => [{ index: { _index: NOTES_INDEX, _id: note.id } }, note]);
  await search.client().bulk({ body: body as never, refresh: true });
});

const event = (sub: string, args: Record<string, unknown>) => ({ arguments: args, identity: { sub } });

/** A hit as searchNotes returns it: the note, its highlights and a relevance score from the engine. */
const hit = (note: NoteDocument, highlights: string[]) => {
  const { version, lastChangedAt, ...fields } = note;
  return { note: { ...fields, _version: version, _lastChangedAt: lastChangedAt }, highlights, score: expect.any(Number) };
};
const [n1, n2, n3] = NOTES as [NoteDocument, NoteDocument, NoteDocument];
const validation = (message: string) => ({ error: { message, errorType: 'ValidationError' } });
const notCalled = () => Promise.reject(new Error('must not be called'));

async function page(sub: string, args: Record<string, unknown>) {
  const outcome = await handler(event(sub, args));
  if (!('result' in outcome)) throw new Error(`Expected a page, got ${JSON.stringify(outcome)}`);
  return outcome.result;
}

describe('search-notes', () => {
  it('finds the caller’s notes, best match first (a title match counts triple), with highlights, and nothing from other spaces', async () => {
    const outcome = await handler(event('ada', { query: 'curlew' }));
    expect(outcome).toEqual({
      result: {
        items: [
          hit(n1, ['<em>Curlew</em> nest']),
          hit(n2, ['A <em>curlew</em> called twice at dusk.']),
          hit(n3, ['Bread and a flask for the <em>curlew</em> count.']),
        ],
        nextToken: null,
      },
    });
    const scores = 'result' in outcome ? outcome.result.items.map((item) => item.score as number) : [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers a caller without memberships with nothing, without asking OpenSearch', async () => {
    const lonely = createHandler({ search: notCalled });
    expect(await lonely(event('bea', { query: 'curlew' }))).toEqual({ result: { items: [], nextToken: null } });
  });

  it('narrows to one of the caller’s spaces; another space gives nothing, as if it did not exist', async () => {
    expect(await page('ada', { query: 'curlew', spaceId: 'space-2' })).toEqual({ items: [hit(n3, ['Bread and a flask for the <em>curlew</em> count.'])], nextToken: null });
    const guarded = createHandler({ search: notCalled });
    expect(await guarded(event('ada', { query: 'curlew', spaceId: 'space-3' }))).toEqual({ result: { items: [], nextToken: null } });
    expect(await guarded(event('ada', { query: 'curlew', spaceId: 'no-such-space' }))).toEqual({ result: { items: [], nextToken: null } });
  });

  it('keeps only notes with every tag asked for', async () => {
    const [birds, both] = await Promise.all([page('ada', { query: 'curlew', tags: ['birds'] }), page('ada', { query: 'curlew', tags: ['birds', 'errands'] })]);
    expect({ birds: birds.items.map((item) => item.note.id), both: both.items.map((item) => item.note.id) }).toEqual({ birds: ['n1', 'n3'], both: ['n3'] });
  });

  it('pages with an opaque nextToken until the last page, which has none', async () => {
    const first = await page('ada', { query: 'curlew', limit: 2 });
    const second = await page('ada', { query: 'curlew', limit: 2, nextToken: first.nextToken });
    expect({ first: first.items.map((item) => item.note.id), second, token: typeof first.nextToken }).toEqual({
      first: ['n1', 'n2'],
      second: { items: [hit(n3, ['Bread and a flask for the <em>curlew</em> count.'])], nextToken: null },
      token: 'string',
    });
  });

  it('rejects a token that was tampered with or belongs to another search', async () => {
    const { nextToken } = await page('ada', { query: 'curlew', limit: 1 });
    const decoded = JSON.parse(Buffer.from(nextToken as string, 'base64url').toString('utf8')) as { after: unknown[] };
    const tampered = Buffer.from(JSON.stringify({ ...decoded, after: ['drop table', 1, 'n1'] })).toString('base64url');
    const message = 'nextToken is not a token this search returned.';
    const outcomes = await Promise.all([
      handler(event('ada', { query: 'curlew', limit: 1, nextToken: 'not a token!' })),
      handler(event('ada', { query: 'curlew', limit: 1, nextToken: Buffer.from('{"v":1').toString('base64url') })),
      handler(event('ada', { query: 'curlew', limit: 1, nextToken: tampered })),
      handler(event('ada', { query: 'estuary', limit: 1, nextToken })),
    ]);
    expect(outcomes).toEqual([validation(message), validation(message), validation(message), validation(message)]);
  });

  it('validates the arguments at the edge', async () => {
    const outcomes = await Promise.all([
      handler(event('ada', { query: '   ' })),
      handler(event('ada', { query: 'curlew', limit: 0 })),
      handler(event('ada', { query: 'curlew', limit: 101 })),
      handler(event('ada', { query: 'x'.repeat(257) })),
      handler(event('ada', { query: 'curlew', tags: ['birds', ''] })),
      handler({ arguments: { query: 'curlew' }, identity: null }),
    ]);
    expect(outcomes).toEqual([
      validation('query must not be empty.'),
      validation('limit must be 1 to 100 (received 0).'),
      validation('limit must be 1 to 100 (received 101).'),
      validation('query must be at most 256 characters (received 257).'),
      validation('tags must be a list of non-empty strings.'),
      validation('identity must be an object.'),
    ]);
  });

  it('answers SearchNotEnabled where the stage has no search domain', async () => {
    const disabled = createHandler({ search: undefined });
    expect(await disabled(event('ada', { query: 'curlew' }))).toEqual({
      error: { message: 'Search is not enabled on this deployment.', errorType: 'SearchNotEnabled' },
    });
  });

  it('answers SearchUnavailable when OpenSearch cannot be reached, without its details', async () => {
    const unreachable = createOpenSearchClient({
      url: 'http://127.0.0.1:9',
      region: 'us-east-1',
      requestTimeoutMs: 1_000,
      maxRetries: 0,
      getCredentials: async () => ({ accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' }),
    });
    const down = createHandler({ search: (body) => searchNotesIndex(unreachable, body) });
    expect(await down(event('ada', { query: 'curlew' }))).toEqual({ error: { message: 'Search is unavailable right now; try again.', errorType: 'SearchUnavailable' } });
  });

  it('fails the invocation on an unexpected error, so it counts as a function error', async () => {
    const broken = createHandler({ memberSpaceIds: () => Promise.reject(new TypeError('Cannot read properties of undefined')) });
    await expect(broken(event('ada', { query: 'curlew' }))).rejects.toThrow(new TypeError('Cannot read properties of undefined'));
  });
});
