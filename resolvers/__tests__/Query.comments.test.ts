import { caller, env, raised, resolverFile, run } from './run-handler';

const GET_NOTE = resolverFile('Query.comments/1-getNote.ts');
const AUTHORIZE = resolverFile('Query.comments/2-authorize.ts');
const LIST = resolverFile('Query.comments/3-listComments.ts');
const args = { noteId: 'note-1' };
const note = { id: 'note-1', spaceId: 'space-1', authorId: 'user-2', title: 'Estuary', _version: 3 };
const viewerMembership = { spaceId: 'space-1', userId: 'user-1', role: 'VIEWER', joinedAt: '2025-12-01T00:00:00.000Z' };
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'comments', parentTypeName: 'Query', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };

describe('Query.comments — 1-getNote', () => {
  it('reads the note consistently, and refuses a deleted one', () => {
    expect({
      request: run(GET_NOTE, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome,
      live: run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: note }).outcome,
      deleted: run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: { ...note, _deleted: true } }).outcome,
      missing: run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: null }).outcome,
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { id: { S: 'note-1' } }, consistentRead: true } },
      live: { kind: 'result', result: note },
      deleted: raised('NoteNotFound', 'Note note-1 does not exist.'),
      missing: raised('NoteNotFound', 'Note note-1 does not exist.'),
    });
  });
});

describe('Query.comments — 2-authorize', () => {
  it('lets any member read, with the role in the stash; a non-member is Unauthorized', () => {
    expect({
      request: run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env, info, prev: { result: note } }).outcome,
      viewer: run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result: viewerMembership }),
      outsider: run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result: null }),
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      viewer: { outcome: { kind: 'result', result: viewerMembership }, stash: { role: 'VIEWER' } },
      outsider: { outcome: { kind: 'error', error: { message: 'Not Authorized to access comments on type Query', errorType: 'Unauthorized' } }, stash: {} },
    });
  });

  it('is Unauthorized for a caller without a user pool identity', () => {
    expect(run(AUTHORIZE, 'request', { identity: null, arguments: args, stash: {}, env, info, prev: { result: note } }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Not Authorized to access comments on type Query', errorType: 'Unauthorized' },
    });
  });
});

describe('Query.comments — 3-listComments', () => {
  const query = { expression: '#noteId = :noteId', expressionNames: { '#noteId': 'noteId' }, expressionValues: { ':noteId': { S: 'note-1' } } };

  // Query request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
  it.each([
    ['20 by default', {}, { limit: 20 }],
    ['the given limit and nextToken', { limit: 100, nextToken: 'token-1' }, { limit: 100, nextToken: 'token-1' }],
  ])('queries the note’s comments oldest first, %s', (_label, page, expected) => {
    expect(run(LIST, 'request', { identity: caller, arguments: { ...args, ...page }, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'Query', query, scanIndexForward: true, ...expected },
    });
  });

  it.each([[0], [101]])('refuses limit %d', (limit) => {
    expect(run(LIST, 'request', { identity: caller, arguments: { ...args, limit }, stash: {}, env }).outcome).toEqual(
      raised('ValidationError', `limit must be 1 to 100 (received ${limit}).`),
    );
  });

  it('returns the page as a connection, nextToken null on the last page', () => {
    const items = [{ noteId: 'note-1', sk: '2026-01-01T00:00:00.000Z#c-1', id: 'c-1', spaceId: 'space-1', authorId: 'user-2', body: 'First', createdAt: '2026-01-01T00:00:00.000Z' }];
    expect({
      more: run(LIST, 'response', { identity: caller, arguments: args, stash: {}, env, result: { items, nextToken: 'token-2', scannedCount: 1 } }).outcome,
      last: run(LIST, 'response', { identity: caller, arguments: args, stash: {}, env, result: { items: [], scannedCount: 0 } }).outcome,
    }).toEqual({
      more: { kind: 'result', result: { items, nextToken: 'token-2' } },
      last: { kind: 'result', result: { items: [], nextToken: null } },
    });
  });
});
