import { caller, env, raised, resolverFile, run } from './run-handler';

const MEMBERSHIPS = resolverFile('Query.mySpaces/1-memberships.ts');
const SPACES = resolverFile('Query.mySpaces/2-spaces.ts');
const memberships = [
  { spaceId: 'space-1', userId: 'user-1', role: 'OWNER', joinedAt: '2025-12-01T00:00:00.000Z' },
  { spaceId: 'space-2', userId: 'user-1', role: 'VIEWER', joinedAt: '2025-12-02T00:00:00.000Z' },
  { spaceId: 'space-3', userId: 'user-1', role: 'EDITOR', joinedAt: '2025-12-03T00:00:00.000Z' },
];
const spaceRow = (id: string) => ({ id, name: `Space ${id}`, ownerId: 'user-0', memberCount: 2, createdAt: '2025-11-30T00:00:00.000Z', updatedAt: '2025-11-30T00:00:00.000Z' });

describe('Query.mySpaces — 1-memberships', () => {
  // Query request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
  const query = {
    operation: 'Query',
    index: 'byUser',
    query: { expression: '#userId = :userId', expressionNames: { '#userId': 'userId' }, expressionValues: { ':userId': { S: 'user-1' } } },
  };

  it.each([
    ['20 by default', {}, { ...query, limit: 20 }],
    ['the given limit and nextToken', { limit: 100, nextToken: 'token-1' }, { ...query, limit: 100, nextToken: 'token-1' }],
    ['no nextToken when it is null', { limit: 1, nextToken: null }, { ...query, limit: 1 }],
  ])('queries the byUser index for the caller’s memberships: %s', (_label, args, result) => {
    expect(run(MEMBERSHIPS, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome).toEqual({ kind: 'result', result });
  });

  it.each([0, 101])('rejects limit %d with a ValidationError', (limit) => {
    expect(run(MEMBERSHIPS, 'request', { identity: caller, arguments: { limit }, stash: {}, env }).outcome).toEqual(
      raised('ValidationError', `limit must be 1 to 100 (received ${limit}).`),
    );
  });

  it('passes the memberships on and keeps the page’s nextToken in the stash', () => {
    expect(run(MEMBERSHIPS, 'response', { identity: caller, arguments: {}, stash: {}, env, result: { items: memberships, nextToken: 'token-2', scannedCount: 3 } })).toEqual({
      outcome: { kind: 'result', result: memberships },
      stash: { nextToken: 'token-2' },
    });
  });

  it('stores a null nextToken after the last page', () => {
    expect(run(MEMBERSHIPS, 'response', { identity: caller, arguments: {}, stash: {}, env, result: { items: [], scannedCount: 0 } }).stash).toEqual({ nextToken: null });
  });
});

describe('Query.mySpaces — 2-spaces', () => {
  it('reads the page’s spaces in one BatchGetItem', () => {
    // BatchGetItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
    expect(run(SPACES, 'request', { identity: caller, arguments: {}, stash: { nextToken: null }, env, prev: { result: memberships } }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'BatchGetItem',
        tables: { 'Spaces-dev': { keys: [{ id: { S: 'space-1' } }, { id: { S: 'space-2' } }, { id: { S: 'space-3' } }], consistentRead: false } },
      },
    });
  });

  it('returns an empty page early when the caller has no memberships', () => {
    expect(run(SPACES, 'request', { identity: caller, arguments: {}, stash: { nextToken: null }, env, prev: { result: [] } }).outcome).toEqual({
      kind: 'earlyReturn',
      result: { items: [], nextToken: null },
    });
  });

  it('pairs each space with the caller’s role and leaves out a space that is gone', () => {
    // data.<table> lists the items in the order of the request's keys, with null for a key not found:
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
    const result = { data: { 'Spaces-dev': [spaceRow('space-1'), null, spaceRow('space-3')] }, unprocessedKeys: { 'Spaces-dev': [] } };
    expect(run(SPACES, 'response', { identity: caller, arguments: {}, stash: { nextToken: 'token-2' }, env, prev: { result: memberships }, result }).outcome).toEqual({
      kind: 'result',
      result: { items: [{ ...spaceRow('space-1'), myRole: 'OWNER' }, { ...spaceRow('space-3'), myRole: 'EDITOR' }], nextToken: 'token-2' },
    });
  });

  it('fails rather than return a short page when DynamoDB left keys unprocessed', () => {
    const result = { data: { 'Spaces-dev': [spaceRow('space-1'), null, null] }, unprocessedKeys: { 'Spaces-dev': [{ id: 'space-2' }, { id: 'space-3' }] } };
    expect(run(SPACES, 'response', { identity: caller, arguments: {}, stash: { nextToken: null }, env, prev: { result: memberships }, result }).outcome).toEqual(
      raised('Throttled', 'DynamoDB left 2 of the spaces unread (throttled); retry the query.'),
    );
  });
});
