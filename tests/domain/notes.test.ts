// Notes end to end, as signed-in users of the real user pool: who may read and write a space's
// notes, validation before any write, newest-first pages, and AppSync's versioned writes (a stale
// `_version` is a conflict that hands the client the server's note).
import { ok } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import type { TestUser } from '../harness/users';

jest.setTimeout(60_000);

const running = useLocalStack();
const { signUp, as, data } = signedInClient(running);
const NOTE_FIELDS = 'id spaceId authorId title body checklist { id text done } tags links createdAt updatedAt _version _deleted _lastChangedAt';
const CREATE_SPACE = 'mutation CreateSpace($input: CreateSpaceInput!) { createSpace(input: $input) { id } }';
const ADD = 'mutation Add($spaceId: ID!, $userId: ID!, $role: Role!) { addMember(spaceId: $spaceId, userId: $userId, role: $role) { role } }';
const CREATE = `mutation Create($input: CreateNoteInput!) { createNote(input: $input) { ${NOTE_FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdateNoteInput!) { updateNote(input: $input) { ${NOTE_FIELDS} } }`;
const DELETE = `mutation Delete($input: DeleteNoteInput!) { deleteNote(input: $input) { ${NOTE_FIELDS} } }`;
const NOTE = `query Note($id: ID!) { note(id: $id) { ${NOTE_FIELDS} } }`;
const NOTES = 'query Notes($spaceId: ID!, $limit: Int, $nextToken: String) { notes(spaceId: $spaceId, limit: $limit, nextToken: $nextToken) { items { id title } nextToken } }';

type Note = { id: string; body: string | null; createdAt: string; updatedAt: string; _version: number; _deleted: boolean | null; _lastChangedAt: number; checklist: { id: string }[] };

let ada: TestUser;
let bea: TestUser;
let cy: TestUser;
let dee: TestUser;

beforeAll(async () => {
  // signUp's first `me` creates the profile that addMember requires.
  ada = await signUp('ada@notes.example.com');
  bea = await signUp('bea@notes.example.com');
  cy = await signUp('cy@notes.example.com');
  dee = await signUp('dee@notes.example.com');
});



/** A space of ada's with bea as EDITOR and cy as VIEWER; dee is not a member. */
async function space(name: string): Promise<string> {
  const spaceId = (await data<{ createSpace: { id: string } }>(ada, CREATE_SPACE, { input: { name } })).createSpace.id;
  await data(ada, ADD, { spaceId, userId: bea.sub, role: 'EDITOR' });
  await data(ada, ADD, { spaceId, userId: cy.sub, role: 'VIEWER' });
  return spaceId;
}

async function createNote(user: TestUser, input: Record<string, unknown>): Promise<Note> {
  return (await data<{ createNote: Note }>(user, CREATE, { input })).createNote;
}

// util.error and util.unauthorized become a field error with that errorType and data; a non-null
// field that fails nulls data (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
// The location is where the field starts in the one-line query.
function fieldError(query: string, field: string, errorType: string, message: string, errorData: unknown = null) {
  return ok({
    data: null,
    errors: [{ path: [field], data: errorData, errorType, errorInfo: null, locations: [{ line: 1, column: query.indexOf(`${field}(`) + 1, sourceName: null }], message }],
  });
}

const unauthorized = (query: string, field: string, type: string) => fieldError(query, field, 'Unauthorized', `Not Authorized to access ${field} on type ${type}`);

/**
 * The note as the table holds it, which is what a conflict's error data carries: GraphQL shows an
 * absent `body` or `_deleted` as null.
 */
function stored(note: Note & { body: string | null }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(note).filter(([field, value]) => !(value === null && (field === 'body' || field === '_deleted'))));
}

it('creates, reads, updates and deletes a note, one version at a time', async () => {
  const spaceId = await space('Estuary');
  const created = await createNote(ada, {
    spaceId,
    title: ' Curlew ',
    body: 'Two on the mudflat',
    checklist: [{ text: 'Photo' }, { id: 'count', text: 'Count them', done: true }],
    tags: ['birds', ' waders '],
    links: ['https://example.com/curlew'],
  });
  const readByViewer = await as(cy, NOTE, { id: created.id });
  const updated = await as(bea, UPDATE, { input: { id: created.id, _version: 1, body: null, tags: ['birds'] } });
  const afterUpdate = (updated.body as { data: { updateNote: Note } }).data.updateNote;
  const deleted = await as(ada, DELETE, { input: { id: created.id, _version: 2 } });
  const afterDelete = (deleted.body as { data: { deleteNote: Note } }).data.deleteNote;
  const readAfterDelete = await as(ada, NOTE, { id: created.id });
  const listAfterDelete = await as(ada, NOTES, { spaceId });

  const note = {
    id: created.id,
    spaceId,
    authorId: ada.sub,
    title: 'Curlew',
    body: 'Two on the mudflat',
    checklist: [{ id: created.checklist[0].id, text: 'Photo', done: false }, { id: 'count', text: 'Count them', done: true }],
    tags: ['birds', 'waders'],
    links: ['https://example.com/curlew'],
    createdAt: created.createdAt,
    updatedAt: created.createdAt,
    _version: 1,
    _deleted: null,
    _lastChangedAt: created._lastChangedAt,
  };
  const changed = { ...note, body: null, tags: ['birds'], updatedAt: afterUpdate.updatedAt, _version: 2, _lastChangedAt: afterUpdate._lastChangedAt };
  expect({ created, readByViewer, updated, deleted, readAfterDelete, listAfterDelete }).toEqual({
    created: note,
    readByViewer: ok({ data: { note } }),
    updated: ok({ data: { updateNote: changed } }),
    // The versioned data source keeps a tombstone for delta sync:
    // https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
    deleted: ok({ data: { deleteNote: { ...changed, _version: 3, _deleted: true, _lastChangedAt: afterDelete._lastChangedAt } } }),
    readAfterDelete: ok({ data: { note: null } }),
    listAfterDelete: ok({ data: { notes: { items: [], nextToken: null } } }),
  });
  expect([afterUpdate.updatedAt > created.updatedAt, afterDelete._lastChangedAt >= afterUpdate._lastChangedAt]).toEqual([true, true]);
});

it('lets only EDITOR and OWNER write, and only members read', async () => {
  const spaceId = await space('Heath');
  const note = await createNote(bea, { spaceId, title: 'Nightjar' });
  expect({
    viewerCreates: await as(cy, CREATE, { input: { spaceId, title: 'Mine' } }),
    viewerUpdates: await as(cy, UPDATE, { input: { id: note.id, _version: 1, title: 'Mine' } }),
    viewerDeletes: await as(cy, DELETE, { input: { id: note.id, _version: 1 } }),
    outsiderCreates: await as(dee, CREATE, { input: { spaceId, title: 'Mine' } }),
    outsiderUpdates: await as(dee, UPDATE, { input: { id: note.id, _version: 1, title: 'Mine' } }),
    outsiderReads: await as(dee, NOTE, { id: note.id }),
    outsiderLists: await as(dee, NOTES, { spaceId }),
    missing: await as(ada, NOTE, { id: 'no-such-note' }),
    updateMissing: await as(ada, UPDATE, { input: { id: 'no-such-note', _version: 1, title: 'X' } }),
    unchanged: await as(ada, NOTE, { id: note.id }),
  }).toEqual({
    viewerCreates: unauthorized(CREATE, 'createNote', 'Mutation'),
    viewerUpdates: unauthorized(UPDATE, 'updateNote', 'Mutation'),
    viewerDeletes: unauthorized(DELETE, 'deleteNote', 'Mutation'),
    outsiderCreates: unauthorized(CREATE, 'createNote', 'Mutation'),
    outsiderUpdates: unauthorized(UPDATE, 'updateNote', 'Mutation'),
    // The schema answers null to a non-member, as for a note that does not exist.
    outsiderReads: ok({ data: { note: null } }),
    outsiderLists: unauthorized(NOTES, 'notes', 'Query'),
    missing: ok({ data: { note: null } }),
    updateMissing: fieldError(UPDATE, 'updateNote', 'NoteNotFound', 'Note no-such-note does not exist.'),
    unchanged: ok({ data: { note } }),
  });
});

it('lets exactly one of two updates from the same version win; the other gets the winner as a conflict', async () => {
  const spaceId = await space('Saltmarsh');
  const note = await createNote(ada, { spaceId, title: 'Redshank' });
  const responses = await Promise.all([
    as(ada, UPDATE, { input: { id: note.id, _version: 1, title: 'Redshank ×2' } }),
    as(bea, UPDATE, { input: { id: note.id, _version: 1, title: 'Spotted redshank' } }),
  ]);
  const winners = responses.filter((response) => (response.body as { errors?: unknown }).errors === undefined);
  const losers = responses.filter((response) => (response.body as { errors?: unknown }).errors !== undefined);
  const winner = (winners[0].body as { data: { updateNote: Note } }).data.updateNote;
  // AppSync's conflict detection VERSION with handler NONE rejects the stale write and returns the
  // server's item as the error's data:
  // https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html
  expect({ winners: winners.length, losers, current: await as(ada, NOTE, { id: note.id }) }).toEqual({
    winners: 1,
    losers: [fieldError(UPDATE, 'updateNote', 'ConflictUnhandled', 'Conflict resolver rejects mutation.', stored(winner))],
    current: ok({ data: { note: winner } }),
  });
  expect(winner._version).toEqual(2);
});

it('refuses a delete from a stale version, handing back the current note', async () => {
  const spaceId = await space('Dunes');
  const note = await createNote(ada, { spaceId, title: 'Sand lizard' });
  const updated = (await data<{ updateNote: Note }>(bea, UPDATE, { input: { id: note.id, _version: 1, title: 'Sand lizards' } })).updateNote;
  expect({ staleDelete: await as(ada, DELETE, { input: { id: note.id, _version: 1 } }), current: await as(ada, NOTE, { id: note.id }) }).toEqual({
    staleDelete: fieldError(DELETE, 'deleteNote', 'ConflictUnhandled', 'Conflict resolver rejects mutation.', stored(updated)),
    current: ok({ data: { note: updated } }),
  });
});

it('lists a space’s notes newest first, a page at a time', async () => {
  const spaceId = await space('Woodland');
  const oak = await createNote(ada, { spaceId, title: 'Oak' });
  const ash = await createNote(bea, { spaceId, title: 'Ash' });
  const beech = await createNote(ada, { spaceId, title: 'Beech' });
  // Updating the oldest note makes it the most recently updated.
  await data(bea, UPDATE, { input: { id: oak.id, _version: 1, body: 'Galls on the leaves' } });
  const page1 = await data<{ notes: { nextToken: string | null } }>(cy, NOTES, { spaceId, limit: 2 });
  const page2 = await as(cy, NOTES, { spaceId, limit: 2, nextToken: page1.notes.nextToken });
  expect({ page1, page2, tooMany: await as(cy, NOTES, { spaceId, limit: 101 }) }).toEqual({
    page1: { notes: { items: [{ id: oak.id, title: 'Oak' }, { id: beech.id, title: 'Beech' }], nextToken: expect.any(String) } },
    page2: ok({ data: { notes: { items: [{ id: ash.id, title: 'Ash' }], nextToken: null } } }),
    tooMany: fieldError(NOTES, 'notes', 'ValidationError', 'limit must be 1 to 100 (received 101).'),
  });
});

it('writes nothing for invalid input', async () => {
  const spaceId = await space('Meadow');
  const note = await createNote(ada, { spaceId, title: 'Orchids' });
  expect({
    badLink: await as(ada, CREATE, { input: { spaceId, title: 'Cowslip', links: ['javascript:alert(1)'] } }),
    longTitle: await as(ada, CREATE, { input: { spaceId, title: 't'.repeat(201) } }),
    tooManyTags: await as(ada, CREATE, { input: { spaceId, title: 'Cowslip', tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) } }),
    blankTitle: await as(ada, UPDATE, { input: { id: note.id, _version: 1, title: ' ' } }),
    noChanges: await as(ada, UPDATE, { input: { id: note.id, _version: 1 } }),
    list: await as(ada, NOTES, { spaceId }),
    unchanged: await as(ada, NOTE, { id: note.id }),
  }).toEqual({
    badLink: fieldError(CREATE, 'createNote', 'ValidationError', 'Each link must be an http:// or https:// URL of at most 2048 characters (received "javascript:alert(1)").'),
    longTitle: fieldError(CREATE, 'createNote', 'ValidationError', 'title must be 1 to 200 characters (received 201 after trimming).'),
    tooManyTags: fieldError(CREATE, 'createNote', 'ValidationError', 'A note has at most 20 tags (received 21).'),
    blankTitle: fieldError(UPDATE, 'updateNote', 'ValidationError', 'title must be 1 to 200 characters (received 0 after trimming).'),
    noChanges: fieldError(UPDATE, 'updateNote', 'ValidationError', 'updateNote needs at least one of title, body, checklist, tags or links.'),
    list: ok({ data: { notes: { items: [{ id: note.id, title: 'Orchids' }], nextToken: null } } }),
    unchanged: ok({ data: { note } }),
  });
});

it('keeps a client-generated id, refuses it a second time, and answers writes to a deleted note with its tombstone', async () => {
  const spaceId = await space('Pond');
  const id = `pond-${Date.now()}`;
  const note = await createNote(bea, { id, spaceId, title: 'Newt' });
  const again = await as(bea, CREATE, { input: { id, spaceId, title: 'Frog' } });
  const deleted = (await data<{ deleteNote: Note }>(ada, DELETE, { input: { id, _version: 1 } })).deleteNote;
  const tombstone = await as(bea, UPDATE, { input: { id, _version: 2, title: 'Newts' } });
  expect({ id: note.id, again, deleted, tombstone }).toEqual({
    id,
    again: fieldError(CREATE, 'createNote', 'NoteAlreadyExists', `A note with id ${id} already exists.`),
    deleted: { ...note, _version: 2, _deleted: true, _lastChangedAt: deleted._lastChangedAt },
    // The tombstone expires (`_ttl`, epoch seconds) BaseTableTTL minutes after the delete, 43,200
    // for Notes: https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
    tombstone: fieldError(UPDATE, 'updateNote', 'ConflictUnhandled', 'Conflict resolver rejects mutation.', {
      ...stored(deleted),
      _ttl: Math.floor(deleted._lastChangedAt / 1000) + 43200 * 60,
    }),
  });
});
