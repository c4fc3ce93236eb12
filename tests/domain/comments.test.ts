// Comments end to end, as signed-in users of the real user pool: who may read, add and delete a
// note's comments, and that they come back oldest first, a page at a time. Notes are written straight
// into DynamoDB Local through the AWS SDK, so these tests depend on the comments resolvers only.
import { PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { randomUUID } from 'node:crypto';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import type { TestUser } from '../harness/users';

jest.setTimeout(60_000);

const running = useLocalStack();
const { signUp, as, data } = signedInClient(running);
const COMMENT_FIELDS = 'id noteId spaceId authorId body createdAt';
const ADD = `mutation Add($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT_FIELDS} } }`;
const COMMENTS = `query Comments($noteId: ID!, $limit: Int, $nextToken: String) { comments(noteId: $noteId, limit: $limit, nextToken: $nextToken) { items { ${COMMENT_FIELDS} } nextToken } }`;
const DELETE = `mutation Delete($noteId: ID!, $id: ID!) { deleteComment(noteId: $noteId, id: $id) { ${COMMENT_FIELDS} } }`;
const CREATE_SPACE = 'mutation Create($input: CreateSpaceInput!) { createSpace(input: $input) { id } }';
const ADD_MEMBER = 'mutation AddMember($spaceId: ID!, $userId: ID!, $role: Role!) { addMember(spaceId: $spaceId, userId: $userId, role: $role) { role } }';

type Comment = { id: string; noteId: string; spaceId: string; authorId: string; body: string; createdAt: string };

let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let spaceId: string;

beforeAll(async () => {
  // signUp's first `me` creates the profile that addMember requires.
  owner = await signUp('owner@comments.example.com');
  editor = await signUp('editor@comments.example.com');
  viewer = await signUp('viewer@comments.example.com');
  outsider = await signUp('outsider@comments.example.com');
  spaceId = (await data<{ createSpace: { id: string } }>(owner, CREATE_SPACE, { input: { name: 'Estuary' } })).createSpace.id;
  await data(owner, ADD_MEMBER, { spaceId, userId: editor.sub, role: 'EDITOR' });
  await data(owner, ADD_MEMBER, { spaceId, userId: viewer.sub, role: 'VIEWER' });
});



async function addComment(user: TestUser, noteId: string, body: string): Promise<Comment> {
  return (await data<{ addComment: Comment }>(user, ADD, { input: { noteId, body } })).addComment;
}

/** A table's physical name, from the environment variables the stack gives its resolvers. */
function tableName(variable: 'NOTES_TABLE' | 'COMMENTS_TABLE'): string {
  return running().stack.stack.graphqlApis[0].environmentVariables[variable];
}

async function withDynamoDb<T>(use: (client: ReturnType<typeof localDynamoDbClient>) => Promise<T>): Promise<T> {
  const client = localDynamoDbClient(running().stack.dynamodbEndpoint);
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

/** A note of the space, written as the versioned Notes data source stores one; `_deleted` makes a tombstone. */
async function putNote(deleted = false): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const note = { id, spaceId, authorId: owner.sub, title: 'Herons', body: 'Low tide.', createdAt: now, updatedAt: now, _version: deleted ? 2 : 1, _lastChangedAt: Date.now(), ...(deleted ? { _deleted: true } : {}) };
  await withDynamoDb((client) => client.send(new PutItemCommand({ TableName: tableName('NOTES_TABLE'), Item: marshall(note) })));
  return id;
}

/** The Comments rows of a note, read through the AWS SDK, not the API. */
async function storedComments(noteId: string): Promise<Record<string, unknown>[]> {
  const result = await withDynamoDb((client) =>
    client.send(new QueryCommand({ TableName: tableName('COMMENTS_TABLE'), KeyConditionExpression: 'noteId = :noteId', ExpressionAttributeValues: marshall({ ':noteId': noteId }), ConsistentRead: true })),
  );
  return (result.Items ?? []).map((item) => unmarshall(item));
}

// util.error and util.unauthorized become a field error with that errorType; a non-null field that
// fails nulls data (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
// The location is where the field starts in the one-line query.
function fieldError(query: string, field: string, errorType: string, message: string) {
  return ok({
    data: null,
    errors: [{ path: [field], data: null, errorType, errorInfo: null, locations: [{ line: 1, column: query.indexOf(`${field}(`) + 1, sourceName: null }], message }],
  });
}

const unauthorized = (query: string, field: string, type: string) => fieldError(query, field, 'Unauthorized', `Not Authorized to access ${field} on type ${type}`);

it('lets an EDITOR comment and every member read the comments, stored under `${createdAt}#${id}`', async () => {
  const noteId = await putNote();
  const added = await as(editor, ADD, { input: { noteId, body: '  Saw a heron at the outflow.  ' } });
  const comment = (added.body as { data: { addComment: Comment } }).data.addComment;
  const expected = { id: comment.id, noteId, spaceId, authorId: editor.sub, body: 'Saw a heron at the outflow.', createdAt: comment.createdAt };
  expect({
    added,
    ownerReads: await as(owner, COMMENTS, { noteId }),
    viewerReads: await as(viewer, COMMENTS, { noteId }),
    stored: await storedComments(noteId),
  }).toEqual({
    added: ok({ data: { addComment: expected } }),
    ownerReads: ok({ data: { comments: { items: [expected], nextToken: null } } }),
    viewerReads: ok({ data: { comments: { items: [expected], nextToken: null } } }),
    stored: [{ ...expected, sk: `${comment.createdAt}#${comment.id}` }],
  });
  expect(comment.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

it('is Unauthorized for a non-member reading or writing, and for a VIEWER writing; nothing is written', async () => {
  const noteId = await putNote();
  expect({
    outsiderReads: await as(outsider, COMMENTS, { noteId }),
    outsiderWrites: await as(outsider, ADD, { input: { noteId, body: 'Let me in' } }),
    viewerWrites: await as(viewer, ADD, { input: { noteId, body: 'Only reading' } }),
    stored: await storedComments(noteId),
  }).toEqual({
    outsiderReads: unauthorized(COMMENTS, 'comments', 'Query'),
    outsiderWrites: unauthorized(ADD, 'addComment', 'Mutation'),
    viewerWrites: unauthorized(ADD, 'addComment', 'Mutation'),
    stored: [],
  });
});

it('refuses a blank or too long body, and a missing or deleted note, writing nothing', async () => {
  const noteId = await putNote();
  const deletedNoteId = await putNote(true);
  const missingNoteId = randomUUID();
  expect({
    blank: await as(editor, ADD, { input: { noteId, body: ' \n\t ' } }),
    tooLong: await as(editor, ADD, { input: { noteId, body: 'x'.repeat(2001) } }),
    deletedNote: await as(editor, ADD, { input: { noteId: deletedNoteId, body: 'Too late' } }),
    missingNote: await as(editor, ADD, { input: { noteId: missingNoteId, body: 'Nowhere' } }),
    readDeleted: await as(editor, COMMENTS, { noteId: deletedNoteId }),
    stored: [...(await storedComments(noteId)), ...(await storedComments(deletedNoteId)), ...(await storedComments(missingNoteId))],
  }).toEqual({
    blank: fieldError(ADD, 'addComment', 'ValidationError', 'body must be 1 to 2000 characters (received 0 after trimming).'),
    tooLong: fieldError(ADD, 'addComment', 'ValidationError', 'body must be 1 to 2000 characters (received 2001 after trimming).'),
    deletedNote: fieldError(ADD, 'addComment', 'NoteNotFound', `Note ${deletedNoteId} does not exist.`),
    missingNote: fieldError(ADD, 'addComment', 'NoteNotFound', `Note ${missingNoteId} does not exist.`),
    readDeleted: fieldError(COMMENTS, 'comments', 'NoteNotFound', `Note ${deletedNoteId} does not exist.`),
    stored: [],
  });
});

it('lets a comment’s author or the OWNER delete it, and refuses everyone else', async () => {
  const noteId = await putNote();
  const byEditor = await addComment(editor, noteId, 'Editor’s note');
  const byOwner = await addComment(owner, noteId, 'Owner’s note');
  const byEditorToo = await addComment(editor, noteId, 'Editor again');
  const refused = {
    editorDeletesOwners: await as(editor, DELETE, { noteId, id: byOwner.id }),
    viewerDeletes: await as(viewer, DELETE, { noteId, id: byEditor.id }),
    outsiderDeletes: await as(outsider, DELETE, { noteId, id: byEditor.id }),
  };
  const ownerDeletesEditors = await as(owner, DELETE, { noteId, id: byEditor.id });
  const authorDeletesOwn = await as(editor, DELETE, { noteId, id: byEditorToo.id });
  const deletedAgain = await as(owner, DELETE, { noteId, id: byEditor.id });
  expect({ refused, ownerDeletesEditors, authorDeletesOwn, deletedAgain, left: await data(viewer, COMMENTS, { noteId }) }).toEqual({
    refused: {
      editorDeletesOwners: unauthorized(DELETE, 'deleteComment', 'Mutation'),
      viewerDeletes: unauthorized(DELETE, 'deleteComment', 'Mutation'),
      outsiderDeletes: unauthorized(DELETE, 'deleteComment', 'Mutation'),
    },
    ownerDeletesEditors: ok({ data: { deleteComment: byEditor } }),
    authorDeletesOwn: ok({ data: { deleteComment: byEditorToo } }),
    deletedAgain: fieldError(DELETE, 'deleteComment', 'CommentNotFound', `Comment ${byEditor.id} on note ${noteId} does not exist.`),
    left: { comments: { items: [byOwner], nextToken: null } },
  });
});

it('pages through a note’s comments oldest first', async () => {
  const noteId = await putNote();
  const added: Comment[] = [];
  for (const body of ['one', 'two', 'three', 'four', 'five']) {
    added.push(await addComment(body === 'three' ? owner : editor, noteId, body));
  }
  type Page = { comments: { items: Comment[]; nextToken: string | null } };
  const page1 = await data<Page>(viewer, COMMENTS, { noteId, limit: 2 });
  const page2 = await data<Page>(viewer, COMMENTS, { noteId, limit: 2, nextToken: page1.comments.nextToken });
  const page3 = await data<Page>(viewer, COMMENTS, { noteId, limit: 2, nextToken: page2.comments.nextToken });
  // Oldest first is the sort key's order: createdAt, then id for comments of the same millisecond.
  const oldestFirst = [...added].sort((a, b) => (`${a.createdAt}#${a.id}` < `${b.createdAt}#${b.id}` ? -1 : 1));
  expect({ page1, page2, page3, tooMany: await as(viewer, COMMENTS, { noteId, limit: 101 }) }).toEqual({
    page1: { comments: { items: oldestFirst.slice(0, 2), nextToken: expect.any(String) } },
    page2: { comments: { items: oldestFirst.slice(2, 4), nextToken: expect.any(String) } },
    page3: { comments: { items: oldestFirst.slice(4), nextToken: null } },
    tooMany: fieldError(COMMENTS, 'comments', 'ValidationError', 'limit must be 1 to 100 (received 101).'),
  });
});
