// @dataSource Comments
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { MutationDeleteCommentArgs } from '../__generated__/schema-types';
import type { CommentItem } from '../lib/comment-item';
import { raiseDataSourceError } from '../lib/errors';

// The client knows a comment by noteId and id, but its sort key is `${createdAt}#${id}`. The
// comment is found among its note's comments by a filter on id, rather than by a key that clients
// would have to rebuild from createdAt: the contract is deleteComment(noteId, id). A Query reads at
// most 1 MB before filtering, so this finds the comment among the first 1 MB of the note's comments
// (hundreds of comments at the maximum body length); past that it says so rather than answer
// CommentNotFound. An index on (noteId, id) would make this an exact key lookup.
export function request(ctx: Context<MutationDeleteCommentArgs>): DynamoDBQueryRequest {
  return {
    operation: 'Query',
    query: { expression: '#noteId = :noteId', expressionNames: { '#noteId': 'noteId' }, expressionValues: util.dynamodb.toMapValues({ ':noteId': ctx.args.noteId }) },
    filter: { expression: '#id = :id', expressionNames: { '#id': 'id' }, expressionValues: util.dynamodb.toMapValues({ ':id': ctx.args.id }) },
    consistentRead: true,
  };
}

export function response(ctx: Context<MutationDeleteCommentArgs>): CommentItem {
  raiseDataSourceError(ctx);
  const found = ctx.result.items as CommentItem[];
  if (found.length === 0 && ctx.result.nextToken) {
    util.error(`Comment ${ctx.args.id} is not among the first 1 MB of note ${ctx.args.noteId}'s comments, the most one lookup reads.`, 'CommentLookupLimitExceeded');
  }
  if (found.length === 0) {
    util.error(`Comment ${ctx.args.id} on note ${ctx.args.noteId} does not exist.`, 'CommentNotFound');
  }
  ctx.stash.comment = found[0];
  return found[0];
}
