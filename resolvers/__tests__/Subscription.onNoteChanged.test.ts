import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';
import { NOW, caller, env, resolverFile, run } from './run-handler';

const AUTHORIZE = resolverFile('Subscription.onNoteChanged/1-authorize.ts');
const RESOLVER = resolverFile('Subscription.onNoteChanged/resolver.ts');
const args = { spaceId: 'space-1' };
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'onNoteChanged', parentTypeName: 'Subscription', variables: {}, selectionSetList: ['id', 'title'], selectionSetGraphQL: '{ id title }' };
const membership = { spaceId: 'space-1', userId: 'user-1', role: 'VIEWER', joinedAt: '2025-12-01T00:00:00.000Z' };
const kit = createResolverTestKit({ now: () => NOW });

describe('Subscription.onNoteChanged — 1-authorize', () => {
  it('reads the caller’s membership of the space consistently and lets any member subscribe', () => {
    const ctx = { identity: caller, arguments: args, stash: {}, env, info };
    expect({ request: run(AUTHORIZE, 'request', ctx), response: run(AUTHORIZE, 'response', { ...ctx, result: membership }) }).toEqual({
      request: { outcome: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } }, stash: {} },
      response: { outcome: { kind: 'result', result: membership }, stash: { role: 'VIEWER' } },
    });
  });

  // Fine-grained access control on subscriptions is a resolver on the subscription field that checks
  // the caller with a data source: https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
  it('refuses a non-member and a caller without a user pool identity as Unauthorized', () => {
    const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access onNoteChanged on type Subscription', errorType: 'Unauthorized' } };
    expect({
      outsider: run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result: null }).outcome,
      anonymous: run(AUTHORIZE, 'request', { identity: null, arguments: args, stash: {}, env, info }).outcome,
    }).toEqual({ outsider: unauthorized, anonymous: unauthorized });
  });
});

describe('Subscription.onNoteChanged — resolver', () => {
  // The response handler of a subscription resolver sets the enhanced filter and returns null:
  // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
  // ...and the invalidation filter that ends it when the caller's membership ends:
  // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html
  it('delivers only the notes of the subscribed space, until the caller stops being a member', () => {
    const ctx = { identity: caller, arguments: args, stash: { role: 'VIEWER' }, env, info, prev: { result: membership } };
    const response = kit.evaluateResolverFile(RESOLVER, 'response', ctx);
    expect({
      request: run(RESOLVER, 'request', ctx).outcome,
      response: { outcome: response.outcome, subscriptionFilter: response.subscriptionFilter, invalidationFilter: response.subscriptionInvalidationFilter },
    }).toEqual({
      request: { kind: 'result', result: {} },
      response: {
        outcome: { kind: 'result', result: null },
        subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'spaceId', operator: 'eq', value: 'space-1' }] }] },
        invalidationFilter: {
          filterGroup: [
            {
              filters: [
                { fieldName: 'spaceId', operator: 'eq', value: 'space-1' },
                { fieldName: 'userId', operator: 'eq', value: 'user-1' },
              ],
            },
          ],
        },
      },
    });
  });
});
