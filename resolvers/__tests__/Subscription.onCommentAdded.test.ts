import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';
import { NOW, caller, env, raised, resolverFile, run } from './run-handler';

const GET_NOTE = resolverFile('Subscription.onCommentAdded/1-getNote.ts');
const AUTHORIZE = resolverFile('Subscription.onCommentAdded/2-authorize.ts');
const RESOLVER = resolverFile('Subscription.onCommentAdded/resolver.ts');
const args = { noteId: 'note-1' };
const note = { id: 'note-1', spaceId: 'space-1', authorId: 'user-2', title: 'Estuary', _version: 3 };
const membership = { spaceId: 'space-1', userId: 'user-1', role: 'VIEWER', joinedAt: '2025-12-01T00:00:00.000Z' };
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'onCommentAdded', parentTypeName: 'Subscription', variables: {}, selectionSetList: ['id', 'body'], selectionSetGraphQL: '{ id body }' };
const kit = createResolverTestKit({ now: () => NOW });

describe('Subscription.onCommentAdded — 1-getNote', () => {
  it('reads the note consistently; a deleted or missing note cannot be followed', () => {
    const ctx = { identity: caller, arguments: args, stash: {}, env, info };
    expect({
      request: run(GET_NOTE, 'request', ctx).outcome,
      live: run(GET_NOTE, 'response', { ...ctx, result: note }).outcome,
      deleted: run(GET_NOTE, 'response', { ...ctx, result: { ...note, _deleted: true } }).outcome,
      missing: run(GET_NOTE, 'response', { ...ctx, result: null }).outcome,
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { id: { S: 'note-1' } }, consistentRead: true } },
      live: { kind: 'result', result: note },
      deleted: raised('NoteNotFound', 'Note note-1 does not exist.'),
      missing: raised('NoteNotFound', 'Note note-1 does not exist.'),
    });
  });
});

describe('Subscription.onCommentAdded — 2-authorize', () => {
  // Fine-grained access control on subscriptions is a resolver on the subscription field that checks
  // the caller with a data source: https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html
  it('reads the caller’s membership of the note’s space; any member subscribes, anyone else is Unauthorized', () => {
    const ctx = { identity: caller, arguments: args, stash: {}, env, info, prev: { result: note } };
    const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access onCommentAdded on type Subscription', errorType: 'Unauthorized' } };
    expect({
      request: run(AUTHORIZE, 'request', ctx).outcome,
      member: run(AUTHORIZE, 'response', { ...ctx, result: membership }),
      outsider: run(AUTHORIZE, 'response', { ...ctx, result: null }).outcome,
      anonymous: run(AUTHORIZE, 'request', { ...ctx, identity: null }).outcome,
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      member: { outcome: { kind: 'result', result: membership }, stash: { role: 'VIEWER' } },
      outsider: unauthorized,
      anonymous: unauthorized,
    });
  });
});

describe('Subscription.onCommentAdded — resolver', () => {
  // The response handler of a subscription resolver sets the enhanced filter and returns null:
  // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
  // ... and sets an invalidation filter, so removeMember and leaveSpace can end it:
  // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html
  it('delivers only the comments of the subscribed note, until the caller’s membership of its space ends', () => {
    const ctx = { identity: caller, arguments: args, stash: { role: 'VIEWER' }, env, info, prev: { result: membership } };
    const response = kit.evaluateResolverFile(RESOLVER, 'response', ctx);
    expect({
      request: run(RESOLVER, 'request', ctx).outcome,
      response: { outcome: response.outcome, subscriptionFilter: response.subscriptionFilter, invalidationFilter: response.subscriptionInvalidationFilter },
    }).toEqual({
      request: { kind: 'result', result: {} },
      response: {
        outcome: { kind: 'result', result: null },
        subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'noteId', operator: 'eq', value: 'note-1' }] }] },
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
