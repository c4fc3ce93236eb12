import { NOW, NOW_ISO, caller, env, raised, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Mutation.addMember/resolver.ts');
const AUTHORIZE = resolverFile('Mutation.addMember/1-authorize.ts');
const GET_MEMBER = resolverFile('Mutation.addMember/2-getMember.ts');
const SAVE = resolverFile('Mutation.addMember/3-saveMember.ts');
const args = { spaceId: 'space-1', userId: 'user-2', role: 'EDITOR' };
const ownerMembership = { spaceId: 'space-1', userId: 'user-1', role: 'OWNER', joinedAt: '2025-12-01T00:00:00.000Z' };
const viewerMembership = { spaceId: 'space-1', userId: 'user-2', role: 'VIEWER', joinedAt: '2025-12-02T00:00:00.000Z' };
const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access addMember on type Mutation', errorType: 'Unauthorized' } };
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'addMember', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };

describe('Mutation.addMember — resolver.ts', () => {
  it('lets EDITOR and VIEWER through', () => {
    expect(run(RESOLVER, 'request', { identity: caller, arguments: args, stash: {}, env })).toEqual({ outcome: { kind: 'result', result: {} }, stash: {} });
  });

  it('refuses to make a second OWNER before reading anything', () => {
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { ...args, role: 'OWNER' }, stash: {}, env }).outcome).toEqual(
      raised('ValidationError', 'addMember grants EDITOR or VIEWER; a space has one OWNER, its creator.'),
    );
  });
});

describe('Mutation.addMember — 1-authorize', () => {
  it('reads the caller’s membership consistently', () => {
    expect(run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env, info }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true },
    });
  });

  it('lets the OWNER through, with the role in the stash', () => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result: ownerMembership })).toEqual({
      outcome: { kind: 'result', result: ownerMembership },
      stash: { role: 'OWNER' },
    });
  });

  it.each([
    ['an EDITOR', { ...ownerMembership, role: 'EDITOR' }],
    ['a VIEWER', { ...ownerMembership, role: 'VIEWER' }],
    ['a non-member', null],
  ])('is Unauthorized for %s', (_label, result) => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result })).toEqual({ outcome: unauthorized, stash: {} });
  });
});

describe('Mutation.addMember — 2-getMember', () => {
  it('reads the target user’s membership consistently and passes it on', () => {
    expect({
      request: run(GET_MEMBER, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome,
      response: run(GET_MEMBER, 'response', { identity: caller, arguments: args, stash: {}, env, result: viewerMembership }).outcome,
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-2' } }, consistentRead: true } },
      response: { kind: 'result', result: viewerMembership },
    });
  });
});

describe('Mutation.addMember — 3-saveMember', () => {
  const transaction = {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table: 'Memberships-dev',
        operation: 'PutItem',
        key: { spaceId: { S: 'space-1' }, userId: { S: 'user-2' } },
        attributeValues: { role: { S: 'EDITOR' }, joinedAt: { S: NOW_ISO } },
        condition: { expression: 'attribute_not_exists(#userId)', expressionNames: { '#userId': 'userId' }, returnValuesOnConditionCheckFailure: false },
      },
      {
        table: 'Spaces-dev',
        operation: 'UpdateItem',
        key: { id: { S: 'space-1' } },
        update: { expression: 'SET #memberCount = #memberCount + :one', expressionNames: { '#memberCount': 'memberCount' }, expressionValues: { ':one': { N: 1 } } },
        condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' }, returnValuesOnConditionCheckFailure: false },
      },
      {
        table: 'Users-dev',
        operation: 'ConditionCheck',
        key: { id: { S: 'user-2' } },
        condition: {
          expression: 'attribute_exists(#id) AND #expiresAt > :now',
          expressionNames: { '#id': 'id', '#expiresAt': 'expiresAt' },
          expressionValues: { ':now': { N: Math.floor(NOW / 1000) } },
          returnValuesOnConditionCheckFailure: false,
        },
      },
    ],
  };
  const added = { spaceId: 'space-1', userId: 'user-2', role: 'EDITOR', joinedAt: NOW_ISO };

  it('adds a new member: membership, memberCount + 1 and a live profile, in one transaction', () => {
    // Request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
    expect(run(SAVE, 'request', { identity: caller, arguments: args, stash: { role: 'OWNER' }, env, prev: { result: null } })).toEqual({
      outcome: { kind: 'result', result: transaction },
      stash: { role: 'OWNER', added },
    });
  });

  it('changes an existing member’s role only, if the membership is still as it was read', () => {
    // UpdateItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
    expect(run(SAVE, 'request', { identity: caller, arguments: args, stash: { role: 'OWNER' }, env, prev: { result: viewerMembership } })).toEqual({
      outcome: {
        kind: 'result',
        result: {
          operation: 'UpdateItem',
          key: { spaceId: { S: 'space-1' }, userId: { S: 'user-2' } },
          update: { expression: 'SET #role = :role', expressionNames: { '#role': 'role' }, expressionValues: { ':role': { S: 'EDITOR' } } },
          condition: { expression: '#role = :current', expressionNames: { '#role': 'role' }, expressionValues: { ':current': { S: 'VIEWER' } } },
        },
      },
      stash: { role: 'OWNER' },
    });
  });

  it('never changes the OWNER’s role', () => {
    expect(run(SAVE, 'request', { identity: caller, arguments: { ...args, userId: 'user-1' }, stash: {}, env, prev: { result: ownerMembership } }).outcome).toEqual(
      raised('CannotChangeOwner', "The space's OWNER keeps that role; their role cannot be changed."),
    );
  });

  it('returns the new membership, or the updated one', () => {
    const updated = { ...viewerMembership, role: 'EDITOR' };
    expect({
      added: run(SAVE, 'response', { identity: caller, arguments: args, stash: { added }, env, result: { keys: [] } }).outcome,
      updated: run(SAVE, 'response', { identity: caller, arguments: args, stash: {}, env, result: updated }).outcome,
    }).toEqual({ added: { kind: 'result', result: added }, updated: { kind: 'result', result: updated } });
  });

  // A cancelled transaction gives one reason per item, in request order:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
  const cancelled = (failedIndex: number) => ({
    error: { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' },
    result: { keys: null, cancellationReasons: [0, 1, 2].map((index) => (index === failedIndex ? { type: 'ConditionalCheckFailed', message: 'The conditional request failed' } : { type: 'None', message: 'None' })) },
  });

  it.each([
    [0, 'MembershipConflict', 'user-2 was added to the space meanwhile; read the membership again.'],
    [1, 'SpaceNotFound', 'Space space-1 does not exist.'],
    [2, 'UserNotFound', 'User user-2 does not exist.'],
  ])('names the failed condition of item %d as %s', (index, errorType, message) => {
    expect(run(SAVE, 'response', { identity: caller, arguments: args, stash: { added }, env, ...cancelled(index) }).outcome).toEqual(raised(errorType, message));
  });

  it('reports a role change whose membership changed meanwhile as a conflict', () => {
    const error = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };
    expect(run(SAVE, 'response', { identity: caller, arguments: args, stash: {}, env, error, result: null }).outcome).toEqual(
      raised('MembershipConflict', 'The membership changed while the role was being saved; read it again and retry.'),
    );
  });
});
