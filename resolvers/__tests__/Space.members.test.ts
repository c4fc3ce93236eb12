import { caller, env, raised, resolverFile, run } from './run-handler';

const FILE = resolverFile('Space.members.ts');
const source = { id: 'space-1', name: 'Field trip', ownerId: 'user-1', memberCount: 2 };

describe('Space.members', () => {
  it('queries the space’s memberships a page at a time', () => {
    // Query request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
    expect(run(FILE, 'request', { identity: caller, arguments: { limit: 5, nextToken: 'token-1' }, source, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'Query',
        query: { expression: '#spaceId = :spaceId', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: { ':spaceId': { S: 'space-1' } } },
        limit: 5,
        nextToken: 'token-1',
      },
    });
  });

  it('rejects a limit above 100', () => {
    expect(run(FILE, 'request', { identity: caller, arguments: { limit: 500 }, source, stash: {}, env }).outcome).toEqual(
      raised('ValidationError', 'limit must be 1 to 100 (received 500).'),
    );
  });

  it('returns the page as a connection, with a null nextToken after the last page', () => {
    const items = [{ spaceId: 'space-1', userId: 'user-1', role: 'OWNER', joinedAt: '2025-12-01T00:00:00.000Z' }];
    expect(run(FILE, 'response', { identity: caller, arguments: {}, source, stash: {}, env, result: { items, scannedCount: 1 } }).outcome).toEqual({
      kind: 'result',
      result: { items, nextToken: null },
    });
  });
});
