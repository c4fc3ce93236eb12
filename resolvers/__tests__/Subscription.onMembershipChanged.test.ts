import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';
import { NOW, caller, env, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Subscription.onMembershipChanged.ts');
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'onMembershipChanged', parentTypeName: 'Subscription', variables: {}, selectionSetList: ['spaceId', 'role'], selectionSetGraphQL: '{ spaceId role }' };
const kit = createResolverTestKit({ now: () => NOW });

describe('Subscription.onMembershipChanged', () => {
  // Fine-grained access control on subscriptions is a resolver on the subscription field that checks
  // the caller: https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
  it('lets users follow only their own memberships', () => {
    const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access onMembershipChanged on type Subscription', errorType: 'Unauthorized' } };
    expect({
      self: run(RESOLVER, 'request', { identity: caller, arguments: { userId: 'user-1' }, stash: {}, env, info }).outcome,
      someoneElse: run(RESOLVER, 'request', { identity: caller, arguments: { userId: 'user-2' }, stash: {}, env, info }).outcome,
      anonymous: run(RESOLVER, 'request', { identity: null, arguments: { userId: 'user-1' }, stash: {}, env, info }).outcome,
    }).toEqual({
      self: { kind: 'result', result: { payload: null } },
      someoneElse: unauthorized,
      anonymous: unauthorized,
    });
  });

  // The response handler of a subscription resolver sets the enhanced filter and returns null:
  // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
  it('delivers only the subscriber’s own membership changes', () => {
    const response = kit.evaluateResolverFile(RESOLVER, 'response', { identity: caller, arguments: { userId: 'user-1' }, stash: {}, env, info, result: null });
    expect({ outcome: response.outcome, subscriptionFilter: response.subscriptionFilter }).toEqual({
      outcome: { kind: 'result', result: null },
      subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'userId', operator: 'eq', value: 'user-1' }] }] },
    });
  });
});
