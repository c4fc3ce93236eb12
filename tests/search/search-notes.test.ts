// searchNotes end to end, as signed-in users of the real user pool: notes written through the API
// reach the index through the Notes stream and the indexer (a stream poller locally), and a search
// finds them in the caller's spaces only, best match first, with highlights and pages.
import { ok } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import type { TestUser } from '../harness/users';

jest.setTimeout(120_000);

const running = useLocalStack();
const { signUp, as, data } = signedInClient(running);
const CREATE_SPACE = 'mutation CreateSpace($input: CreateSpaceInput!) { createSpace(input: $input) { id } }';
const CREATE = 'mutation Create($input: CreateNoteInput!) { createNote(input: $input) { id _version } }';
const UPDATE = 'mutation Update($input: UpdateNoteInput!) { updateNote(input: $input) { id _version } }';
const DELETE = 'mutation Delete($input: DeleteNoteInput!) { deleteNote(input: $input) { id } }';
const SEARCH =
  'query Search($query: String!, $spaceId: ID, $tags: [String!], $limit: Int, $nextToken: String) { searchNotes(query: $query, spaceId: $spaceId, tags: $tags, limit: $limit, nextToken: $nextToken) { items { note { id spaceId authorId title body tags _version } highlights score } nextToken } }';

interface Hit {
  note: { id: string; spaceId: string; authorId: string; title: string; body: string | null; tags: string[]; _version: number };
  highlights: string[];
  score: number;
}
interface Page {
  items: Hit[];
  nextToken: string | null;
}

let ada: TestUser;
let dee: TestUser;

beforeAll(async () => {
  // signUp's first `me` creates the profile that addMember requires.
  ada = await signUp('ada@search.example.com');
  dee = await signUp('dee@search.example.com');
});



async function search(user: TestUser, variables: Record<string, unknown>): Promise<Page> {
  return (await data<{ searchNotes: Page }>(user, SEARCH, variables)).searchNotes;
}

/**
 * Searches until the ids found are the ones expected, or 20 s have passed: the indexer runs on the
 * stream poller's next turn (every 250 ms) and OpenSearch makes writes searchable on its refresh (1 s).
 */
async function searchUntil(user: TestUser, variables: Record<string, unknown>, ids: string[]): Promise<Page> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const page = await search(user, variables);
    if (JSON.stringify(page.items.map((hit) => hit.note.id)) === JSON.stringify(ids) || Date.now() > deadline) return page;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const hit = (note: Hit['note'], highlights: string[]) => ({ note, highlights, score: expect.any(Number) });

it('finds the caller’s notes through the indexer, best first, narrowed, paged, kept current, and nobody else’s', async () => {
  const estuary = (await data<{ createSpace: { id: string } }>(ada, CREATE_SPACE, { input: { name: 'Estuary' } })).createSpace.id;
  const garden = (await data<{ createSpace: { id: string } }>(ada, CREATE_SPACE, { input: { name: 'Garden' } })).createSpace.id;
  const create = async (spaceId: string, title: string, body: string, tags: string[]) => {
    const { id } = (await data<{ createNote: { id: string } }>(ada, CREATE, { input: { spaceId, title, body, tags } })).createNote;
    return { id, spaceId, authorId: ada.sub, title, body, tags, _version: 1 };
  };
  const nest = await create(estuary, 'Curlew nest', 'Two eggs by the reeds.', ['birds']);
  const walk = await create(estuary, 'Estuary walk', 'A curlew called twice at dusk.', ['walks']);
  const shopping = await create(garden, 'Shopping', 'A flask for the curlew count.', ['errands', 'birds']);

  // A match in the title counts three times as much as one in the body; the two bodies match
  // equally (one "curlew" in six words), and an equal score puts the newer note first.
  const found = await searchUntil(ada, { query: 'curlew' }, [nest.id, shopping.id, walk.id]);
  expect(found).toEqual({
    items: [
      hit(nest, ['<em>Curlew</em> nest']),
      hit(shopping, ['A flask for the <em>curlew</em> count.']),
      hit(walk, ['A <em>curlew</em> called twice at dusk.']),
    ],
    nextToken: null,
  });
  const [best, second, third] = found.items.map((item) => item.score);
  expect([best! > second!, second === third]).toEqual([true, true]);

  const first = await search(ada, { query: 'curlew', limit: 2 });
  expect({
    outsider: await search(dee, { query: 'curlew' }),
    outsiderNamingTheSpace: await search(dee, { query: 'curlew', spaceId: estuary }),
    garden: await search(ada, { query: 'curlew', spaceId: garden }),
    birds: (await search(ada, { query: 'curlew', tags: ['birds'] })).items.map((item) => item.note.id),
    firstPage: first.items.map((item) => item.note.id),
    secondPage: await search(ada, { query: 'curlew', limit: 2, nextToken: first.nextToken }),
  }).toEqual({
    outsider: { items: [], nextToken: null },
    outsiderNamingTheSpace: { items: [], nextToken: null },
    garden: { items: [hit(shopping, ['A flask for the <em>curlew</em> count.'])], nextToken: null },
    birds: [nest.id, shopping.id],
    firstPage: [nest.id, shopping.id],
    secondPage: { items: [hit(walk, ['A <em>curlew</em> called twice at dusk.'])], nextToken: null },
  });

  await data(ada, UPDATE, { input: { id: walk.id, _version: 1, body: 'A whimbrel called twice at dusk.' } });
  await data(ada, DELETE, { input: { id: nest.id, _version: 1 } });
  expect({
    newWords: await searchUntil(ada, { query: 'whimbrel' }, [walk.id]),
    oldWords: await searchUntil(ada, { query: 'curlew' }, [shopping.id]),
  }).toEqual({
    newWords: { items: [hit({ ...walk, body: 'A whimbrel called twice at dusk.', _version: 2 }, ['A <em>whimbrel</em> called twice at dusk.'])], nextToken: null },
    oldWords: { items: [hit(shopping, ['A flask for the <em>curlew</em> count.'])], nextToken: null },
  });
});

it('answers a nextToken that is not one it returned with a validation error', async () => {
  const query = SEARCH;
  // util.error becomes a field error with that errorType; the non-null field nulls data
  // (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
  expect(await as(ada, query, { query: 'curlew', nextToken: 'eyJ2IjoxfQ' })).toEqual(
    ok({
      data: null,
      errors: [
        {
          path: ['searchNotes'],
          data: null,
          errorType: 'ValidationError',
          errorInfo: null,
          locations: [{ line: 1, column: query.indexOf('searchNotes(') + 1, sourceName: null }],
          message: 'nextToken is not a token this search returned.',
        },
      ],
    }),
  );
});
