import { caller, env, raised, resolverFile, run } from './run-handler';

const AUTHORIZE = resolverFile('Mutation.leaveSpace/1-authorize.ts');
const LEAVE = resolverFile('Mutation.leaveSpace/2-leave.ts');
const args = { spaceId: 'space-1' };
const viewer = { spaceId: 'space-1', userId: 'user-1', role: 'VIEWER', joinedAt: '2025-12-02T00:00:00.000Z' };
const owner = { ...viewer, role: 'OWNER' };
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'leaveSpace', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
const deleteMembership = (role: string) => ({
  table: 'Memberships-dev',
  operation: 'DeleteItem',
  key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } },
  condition: { expression: '#role = :role', expressionNames: { '#role': 'role' }, expressionValues: { ':role': { S: role } }, returnValuesOnConditionCheckFailure: false },
});

describe('Mutation.leaveSpace — 1-authorize', () => {
  it('reads the caller’s membership; any member may leave, a non-member is Unauthorized', () => {
    const respond = (result: object | null) => run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result });
    expect({
      request: run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome,
      viewer: respond(viewer),
      outsider: respond(null),
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      viewer: { outcome: { kind: 'result', result: viewer }, stash: { role: 'VIEWER' } },
      outsider: { outcome: { kind: 'error', error: { message: 'Not Authorized to access leaveSpace on type Mutation', errorType: 'Unauthorized' } }, stash: {} },
    });
  });
});

describe('Mutation.leaveSpace — 2-leave', () => {
  // Request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
  it('deletes a member’s membership and lowers memberCount, in one transaction', () => {
    expect(run(LEAVE, 'request', { identity: caller, arguments: args, stash: { role: 'VIEWER' }, env, prev: { result: viewer } })).toEqual({
      outcome: {
        kind: 'result',
        result: {
          operation: 'TransactWriteItems',
          transactItems: [
            deleteMembership('VIEWER'),
            {
              table: 'Spaces-dev',
              operation: 'UpdateItem',
              key: { id: { S: 'space-1' } },
              update: { expression: 'SET #memberCount = #memberCount - :one', expressionNames: { '#memberCount': 'memberCount' }, expressionValues: { ':one': { N: 1 } } },
              condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' }, returnValuesOnConditionCheckFailure: false },
            },
          ],
        },
      },
      stash: { role: 'VIEWER', left: viewer },
    });
  });

  it('lets the OWNER leave only as the last member, deleting the space with them', () => {
    expect(run(LEAVE, 'request', { identity: caller, arguments: args, stash: { role: 'OWNER' }, env, prev: { result: owner } }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'TransactWriteItems',
        transactItems: [
          deleteMembership('OWNER'),
          {
            table: 'Spaces-dev',
            operation: 'DeleteItem',
            key: { id: { S: 'space-1' } },
            condition: { expression: '#memberCount = :one', expressionNames: { '#memberCount': 'memberCount' }, expressionValues: { ':one': { N: 1 } }, returnValuesOnConditionCheckFailure: false },
          },
        ],
      },
    });
  });

  // A cancelled transaction gives one reason per item, in request order:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
  const error = { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' };
  const failedAt = (index: number) => ({
    keys: null,
    cancellationReasons: [0, 1].map((at) => (at === index ? { type: 'ConditionalCheckFailed', message: 'The conditional request failed' } : { type: 'None', message: 'None' })),
  });
  const respond = (left: object, index: number) => run(LEAVE, 'response', { identity: caller, arguments: args, stash: { left }, env, error, result: failedAt(index) }).outcome;

  it('explains why the OWNER cannot leave while others remain, and reports other failures', () => {
    expect({ ownerWithOthers: respond(owner, 1), changed: respond(viewer, 0), spaceGone: respond(viewer, 1) }).toEqual({
      ownerWithOthers: raised('OwnerCannotLeave', 'The OWNER cannot leave while other members remain; remove them first.'),
      changed: raised('MembershipConflict', 'The membership changed while leaving; read it again and retry.'),
      spaceGone: raised('DynamoDB:TransactionCanceledException', 'Transaction cancelled'),
    });
  });

  it('returns the membership the caller left', () => {
    expect(run(LEAVE, 'response', { identity: caller, arguments: args, stash: { left: viewer }, env, result: { keys: [] } }).outcome).toEqual({ kind: 'result', result: viewer });
  });
});
