import { NOW_ISO, caller, env, raised, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Mutation.createSpace/resolver.ts');
const CREATE = resolverFile('Mutation.createSpace/1-createSpace.ts');

describe('Mutation.createSpace — input validation (resolver.ts)', () => {
  it('trims the name and description into ctx.stash.input', () => {
    const input = { name: '  Field trip ', description: ' Birds of the estuary ' };
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env })).toEqual({
      outcome: { kind: 'result', result: {} },
      stash: { input: { name: 'Field trip', description: 'Birds of the estuary' } },
    });
  });

  it('leaves a blank, null or missing description out', () => {
    const stashFor = (input: object) => run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env }).stash;
    expect([stashFor({ name: 'A', description: '  ' }), stashFor({ name: 'A', description: null }), stashFor({ name: 'A' })]).toEqual([
      { input: { name: 'A' } },
      { input: { name: 'A' } },
      { input: { name: 'A' } },
    ]);
  });

  it.each([
    ['a blank name', { name: '   ' }, 'name must be 1 to 100 characters (received 0 after trimming).'],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, 'name must be 1 to 100 characters (received 101 after trimming).'],
    ['a description of 501 characters', { name: 'A', description: 'd'.repeat(501) }, 'description must be at most 500 characters (received 501 after trimming).'],
  ])('rejects %s with a ValidationError before any write', (_label, input, message) => {
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env }).outcome).toEqual(raised('ValidationError', message));
  });
});

describe('Mutation.createSpace — 1-createSpace', () => {
  it('writes the space and its OWNER membership in one transaction, each only if new', () => {
    const { outcome, stash } = run(CREATE, 'request', { identity: caller, arguments: {}, stash: { input: { name: 'Field trip', description: 'Birds' } }, env });
    const id = (stash.space as { id: string }).id;
    // util.autoId() is a version 4 UUID: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect({ outcome, stash }).toEqual({
      // Request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
      outcome: {
        kind: 'result',
        result: {
          operation: 'TransactWriteItems',
          transactItems: [
            {
              table: 'Spaces-dev',
              operation: 'PutItem',
              key: { id: { S: id } },
              attributeValues: {
                name: { S: 'Field trip' },
                description: { S: 'Birds' },
                ownerId: { S: 'user-1' },
                memberCount: { N: 1 },
                createdAt: { S: NOW_ISO },
                updatedAt: { S: NOW_ISO },
              },
              condition: { expression: 'attribute_not_exists(#id)', expressionNames: { '#id': 'id' }, returnValuesOnConditionCheckFailure: false },
            },
            {
              table: 'Memberships-dev',
              operation: 'PutItem',
              key: { spaceId: { S: id }, userId: { S: 'user-1' } },
              attributeValues: { role: { S: 'OWNER' }, joinedAt: { S: NOW_ISO } },
              condition: { expression: 'attribute_not_exists(#userId)', expressionNames: { '#userId': 'userId' }, returnValuesOnConditionCheckFailure: false },
            },
          ],
        },
      },
      stash: {
        input: { name: 'Field trip', description: 'Birds' },
        space: { id, name: 'Field trip', description: 'Birds', ownerId: 'user-1', memberCount: 1, createdAt: NOW_ISO, updatedAt: NOW_ISO },
      },
    });
  });

  it('is unauthorized for a caller without a Cognito identity', () => {
    expect(run(CREATE, 'request', { identity: null, arguments: {}, stash: { input: { name: 'A' } }, env }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Unauthorized', errorType: 'Unauthorized' },
    });
  });

  it('returns the space it wrote, with the caller as OWNER', () => {
    const space = { id: 's-1', name: 'A', ownerId: 'user-1', memberCount: 1, createdAt: NOW_ISO, updatedAt: NOW_ISO };
    expect(run(CREATE, 'response', { identity: caller, arguments: {}, stash: { space }, env, result: { keys: [] } }).outcome).toEqual({
      kind: 'result',
      result: { ...space, myRole: 'OWNER' },
    });
  });

  it('raises a failed transaction as the field error', () => {
    const error = { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' };
    expect(run(CREATE, 'response', { identity: caller, arguments: {}, stash: {}, env, error, result: { keys: null, cancellationReasons: [] } }).outcome).toEqual(
      raised('DynamoDB:TransactionCanceledException', 'Transaction cancelled'),
    );
  });
});
