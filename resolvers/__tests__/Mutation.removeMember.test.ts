import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';
import { NOW, caller, env, raised, resolverFile, run } from './run-handler';

const AUTHORIZE = resolverFile('Mutation.removeMember/1-authorize.ts');
const GET_MEMBER = resolverFile('Mutation.removeMember/2-getMember.ts');
const REMOVE = resolverFile('Mutation.removeMember/3-removeMember.ts');
const args = { spaceId: 'space-1', userId: 'user-2' };
const ownerMembership = { spaceId: 'space-1', userId: 'user-1', role: 'OWNER', joinedAt: '2025-12-01T00:00:00.000Z' };
const editorMembership = { spaceId: 'space-1', userId: 'user-2', role: 'EDITOR', joinedAt: '2025-12-02T00:00:00.000Z' };
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const kit = createResolverTestKit({ now: () => NOW });
const info = { fieldName: 'removeMember', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };

describe('Mutation.removeMember — 1-authorize and 2-getMember', () => {
  it('lets only the OWNER through', () => {
    const respond = (result: object | null) => run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result }).outcome;
    const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access removeMember on type Mutation', errorType: 'Unauthorized' } };
    expect({ owner: respond(ownerMembership), editor: respond({ ...ownerMembership, role: 'EDITOR' }), outsider: respond(null) }).toEqual({
      owner: { kind: 'result', result: ownerMembership },
      editor: unauthorized,
      outsider: unauthorized,
    });
  });

  it('reads the caller’s and then the target’s membership, consistently', () => {
    expect([
      run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome,
      run(GET_MEMBER, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome,
    ]).toEqual([
      { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-2' } }, consistentRead: true } },
    ]);
  });
});

describe('Mutation.removeMember — 3-removeMember', () => {
  it('deletes the membership as it was read and lowers memberCount, in one transaction', () => {
    // Request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
    expect(run(REMOVE, 'request', { identity: caller, arguments: args, stash: {}, env, prev: { result: editorMembership } })).toEqual({
      outcome: {
        kind: 'result',
        result: {
          operation: 'TransactWriteItems',
          transactItems: [
            {
              table: 'Memberships-dev',
              operation: 'DeleteItem',
              key: { spaceId: { S: 'space-1' }, userId: { S: 'user-2' } },
              condition: { expression: '#role = :role', expressionNames: { '#role': 'role' }, expressionValues: { ':role': { S: 'EDITOR' } }, returnValuesOnConditionCheckFailure: false },
            },
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
      stash: { removed: editorMembership },
    });
  });

  it('refuses to remove a non-member or the OWNER', () => {
    const request = (result: object | null, userId: string) => run(REMOVE, 'request', { identity: caller, arguments: { ...args, userId }, stash: {}, env, prev: { result } }).outcome;
    expect({ nonMember: request(null, 'user-9'), owner: request(ownerMembership, 'user-1') }).toEqual({
      nonMember: raised('MemberNotFound', 'user-9 is not a member of space space-1.'),
      owner: raised('CannotRemoveOwner', "The space's OWNER cannot be removed."),
    });
  });

  // The removed member's note subscriptions end now, not when they reconnect:
  // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html
  it('returns the membership it removed and ends the removed member’s note and comment subscriptions', () => {
    const evaluation = kit.evaluateResolverFile(REMOVE, 'response', { identity: caller, arguments: args, stash: { removed: editorMembership }, env, result: { keys: [] } });
    expect({ outcome: evaluation.outcome, invalidations: evaluation.invalidations }).toEqual({
      outcome: { kind: 'result', result: editorMembership },
      invalidations: [
        { subscriptionField: 'onNoteChanged', payload: { spaceId: 'space-1', userId: 'user-2' } },
        { subscriptionField: 'onCommentAdded', payload: { spaceId: 'space-1', userId: 'user-2' } },
      ],
    });
  });

  it('reports a membership that changed meanwhile as a conflict, and other failures as they are', () => {
    // A cancelled transaction gives one reason per item, in request order:
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
    const error = { message: 'Transaction cancelled', type: 'DynamoDB:TransactionCanceledException' };
    const reasons = (first: string) => [{ type: first, message: first }, { type: 'None', message: 'None' }];
    const respond = (first: string) =>
      run(REMOVE, 'response', { identity: caller, arguments: args, stash: { removed: editorMembership }, env, error, result: { keys: null, cancellationReasons: reasons(first) } }).outcome;
    expect({ changed: respond('ConditionalCheckFailed'), conflict: respond('TransactionConflict') }).toEqual({
      changed: raised('MembershipConflict', 'The membership changed while it was being removed; read it again and retry.'),
      conflict: raised('DynamoDB:TransactionCanceledException', 'Transaction cancelled'),
    });
  });
});
