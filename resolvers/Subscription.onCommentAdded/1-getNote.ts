// @dataSource Notes
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { SubscriptionOnCommentAddedArgs } from '../__generated__/schema-types';
import { getNoteRequest, requireLiveNote, type CommentedNote } from '../lib/comment-note';

// The note gives the space whose members may follow its comments.
export function request(ctx: Context<SubscriptionOnCommentAddedArgs>): DynamoDBGetItemRequest {
  return getNoteRequest(ctx.args.noteId);
}

export function response(ctx: Context<SubscriptionOnCommentAddedArgs>): CommentedNote {
  return requireLiveNote(ctx, ctx.args.noteId);
}
