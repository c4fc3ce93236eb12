import { caller, env, raised, resolverFile, run } from './run-handler';

const AUTHORIZE = resolverFile('Query.notes/1-authorize.ts');
const LIST = resolverFile('Query.notes/2-listNotes.ts');
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'notes', parentTypeName: 'Query', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
const membership = { spaceId: 'space-1', userId: 'user-1', role: 'VIEWER', joinedAt: '2025-12-01T00:00:00.000Z' };

describe('Query.notes — 1-authorize', () => {
  it('reads the caller’s membership consistently and lets any member through', () => {
    const ctx = { identity: caller, arguments: { spaceId: 'space-1' }, stash: {}, env, info };
    expect({ request: run(AUTHORIZE, 'request', ctx), response: run(AUTHORIZE, 'response', { ...ctx, result: membership }) }).toEqual({
      request: { outcome: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } }, stash: {} },
      response: { outcome: { kind: 'result', result: membership }, stash: { role: 'VIEWER' } },
    });
  });

  it('is Unauthorized for a non-member: the connection cannot be null', () => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: { spaceId: 'space-1' }, stash: {}, env, info, result: null })).toEqual({
      outcome: { kind: 'error', error: { message: 'Not Authorized to access notes on type Query', errorType: 'Unauthorized' } },
      stash: {},
    });
  });
});

describe('Query.notes — 2-listNotes', () => {
  // Query request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
  const query = (page: object) => ({
    operation: 'Query',
    index: 'bySpace',
    query: { expression: '#spaceId = :spaceId', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: { ':spaceId': { S: 'space-1' } } },
    filter: { expression: 'attribute_not_exists(#deleted) OR #deleted = :false', expressionNames: { '#deleted': '_deleted' }, expressionValues: { ':false': { BOOL: false } } },
    scanIndexForward: false,
    ...page,
  });
  const request = (args: object) => run(LIST, 'request', { identity: caller, arguments: { spaceId: 'space-1', ...args }, stash: { role: 'VIEWER' }, env }).outcome;

  it('queries the bySpace index newest first, without tombstones, 20 at a time unless asked', () => {
    expect([request({}), request({ limit: 5, nextToken: 'token-1' }), request({ limit: 100, nextToken: null })]).toEqual([
      { kind: 'result', result: query({ limit: 20 }) },
      { kind: 'result', result: query({ limit: 5, nextToken: 'token-1' }) },
      { kind: 'result', result: query({ limit: 100 }) },
    ]);
  });

  it.each([0, 101])('refuses a limit of %d', (limit) => {
    expect(request({ limit })).toEqual(raised('ValidationError', `limit must be 1 to 100 (received ${limit}).`));
  });

  it('returns the page and its nextToken, null on the last page', () => {
    const items = [{ id: 'note-2', title: 'B' }, { id: 'note-1', title: 'A' }];
    const response = (result: object) => run(LIST, 'response', { identity: caller, arguments: { spaceId: 'space-1' }, stash: {}, env, result }).outcome;
    expect([response({ items, nextToken: 'token-2', scannedCount: 2 }), response({ items: [], nextToken: null, scannedCount: 0 })]).toEqual([
      { kind: 'result', result: { items, nextToken: 'token-2' } },
      { kind: 'result', result: { items: [], nextToken: null } },
    ]);
  });
});
