// @dataSource Comments
import { util, type Context, type DynamoDBPutItemRequest } from '@aws-appsync/utils';
import type { MutationAddCommentArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { commentSortKey, type CommentItem } from '../lib/comment-item';
import type { MembershipItem } from '../lib/membership';

// The authorize step returned the caller's membership, whose spaceId is the note's space.
export function request(ctx: Context<MutationAddCommentArgs>): DynamoDBPutItemRequest {
  const membership = ctx.prev.result as MembershipItem;
  const id = util.autoId();
  const createdAt = util.time.nowISO8601();
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ noteId: ctx.args.input.noteId, sk: commentSortKey(createdAt, id) }),
    attributeValues: util.dynamodb.toMapValues({ id, spaceId: membership.spaceId, authorId: membership.userId, body: ctx.stash.body, createdAt }),
    // A fresh id never collides; the condition makes sure a put never overwrites a comment.
    condition: { expression: 'attribute_not_exists(#sk)', expressionNames: { '#sk': 'sk' } },
  };
}

export function response(ctx: Context): CommentItem {
  raiseDataSourceError(ctx);
  return ctx.result;
}
