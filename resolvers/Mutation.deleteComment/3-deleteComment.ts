// @dataSource Comments
import { util, type Context, type DynamoDBDeleteItemRequest } from '@aws-appsync/utils';
import type { MutationDeleteCommentArgs } from '../__generated__/schema-types';
import type { CommentItem } from '../lib/comment-item';

// Deletes the comment found in step 1 by its full key, only if it is still there.
export function request(ctx: Context<MutationDeleteCommentArgs>): DynamoDBDeleteItemRequest {
  const comment = ctx.stash.comment as CommentItem;
  return {
    operation: 'DeleteItem',
    key: util.dynamodb.toMapValues({ noteId: comment.noteId, sk: comment.sk }),
    condition: { expression: 'attribute_exists(#sk)', expressionNames: { '#sk': 'sk' } },
  };
}

// DeleteItem returns the item as it was before the delete.
export function response(ctx: Context<MutationDeleteCommentArgs>): CommentItem {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      util.error(`Comment ${ctx.args.id} on note ${ctx.args.noteId} does not exist.`, 'CommentNotFound');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
