import { caller, env, raised, resolverFile, run } from './run-handler';

const FIND = resolverFile('Mutation.deleteComment/1-findComment.ts');
const AUTHORIZE = resolverFile('Mutation.deleteComment/2-authorize.ts');
const DELETE = resolverFile('Mutation.deleteComment/3-deleteComment.ts');
const args = { noteId: 'note-1', id: 'c-1' };
const comment = { noteId: 'note-1', sk: '2026-01-01T00:00:00.000Z#c-1', id: 'c-1', spaceId: 'space-1', authorId: 'user-2', body: 'First', createdAt: '2026-01-01T00:00:00.000Z' };
const membership = (role: string) => ({ spaceId: 'space-1', userId: 'user-1', role, joinedAt: '2025-12-01T00:00:00.000Z' });
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'deleteComment', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access deleteComment on type Mutation', errorType: 'Unauthorized' } };

describe('Mutation.deleteComment — 1-findComment', () => {
  it('queries the note’s comments for the id, consistently', () => {
    // Query with a filter: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
    expect(run(FIND, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'Query',
        query: { expression: '#noteId = :noteId', expressionNames: { '#noteId': 'noteId' }, expressionValues: { ':noteId': { S: 'note-1' } } },
        filter: { expression: '#id = :id', expressionNames: { '#id': 'id' }, expressionValues: { ':id': { S: 'c-1' } } },
        consistentRead: true,
      },
    });
  });

  // A Query reads at most 1 MB before the filter applies, and then returns a nextToken:
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html
  it('keeps the comment found in the stash, refuses a missing one, and says when it stopped at 1 MB', () => {
    expect({
      found: run(FIND, 'response', { identity: caller, arguments: args, stash: {}, env, result: { items: [comment], scannedCount: 3 } }),
      missing: run(FIND, 'response', { identity: caller, arguments: args, stash: {}, env, result: { items: [], scannedCount: 3 } }),
      beyondOnePage: run(FIND, 'response', { identity: caller, arguments: args, stash: {}, env, result: { items: [], scannedCount: 480, nextToken: 'token-1' } }),
    }).toEqual({
      found: { outcome: { kind: 'result', result: comment }, stash: { comment } },
      missing: { outcome: raised('CommentNotFound', 'Comment c-1 on note note-1 does not exist.'), stash: {} },
      beyondOnePage: {
        outcome: raised('CommentLookupLimitExceeded', "Comment c-1 is not among the first 1 MB of note note-1's comments, the most one lookup reads."),
        stash: {},
      },
    });
  });
});

describe('Mutation.deleteComment — 2-authorize', () => {
  it('reads the caller’s membership of the comment’s space consistently', () => {
    expect(run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: { comment }, env, info, prev: { result: comment } }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true },
    });
  });

  it.each([
    ['its author, even as a VIEWER', { ...comment, authorId: 'user-1' }, 'VIEWER'],
    ['the space’s OWNER', comment, 'OWNER'],
  ])('lets %s delete it', (_label, found, role) => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: { comment: found }, env, info, result: membership(role) })).toEqual({
      outcome: { kind: 'result', result: membership(role) },
      stash: { comment: found, role },
    });
  });

  it.each([
    ['an EDITOR who is not the author', membership('EDITOR')],
    ['a non-member', null],
  ])('is Unauthorized for %s', (_label, result) => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: { comment }, env, info, result }).outcome).toEqual(unauthorized);
  });

  it('is Unauthorized for an author who has left the space', () => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: { comment: { ...comment, authorId: 'user-1' } }, env, info, result: null }).outcome).toEqual(unauthorized);
  });
});

describe('Mutation.deleteComment — 3-deleteComment', () => {
  it('deletes the comment by its full key, only if it is still there', () => {
    // DeleteItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
    expect(run(DELETE, 'request', { identity: caller, arguments: args, stash: { comment, role: 'OWNER' }, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'DeleteItem',
        key: { noteId: { S: 'note-1' }, sk: { S: '2026-01-01T00:00:00.000Z#c-1' } },
        condition: { expression: 'attribute_exists(#sk)', expressionNames: { '#sk': 'sk' } },
      },
    });
  });

  // DeleteItem puts the deleted item in ctx.result:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
  it('returns the deleted comment; one deleted meanwhile is not found; other errors pass through', () => {
    const run3 = (outcome: object) => run(DELETE, 'response', { identity: caller, arguments: args, stash: { comment }, env, ...outcome }).outcome;
    expect({
      deleted: run3({ result: comment }),
      gone: run3({ result: null, error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' } }),
      throttled: run3({ result: null, error: { message: 'Rate exceeded', type: 'DynamoDB:ProvisionedThroughputExceededException' } }),
    }).toEqual({
      deleted: { kind: 'result', result: comment },
      gone: raised('CommentNotFound', 'Comment c-1 on note note-1 does not exist.'),
      throttled: raised('DynamoDB:ProvisionedThroughputExceededException', 'Rate exceeded'),
    });
  });
});
