// @dataSource Notes
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationAddCommentArgs } from '../__generated__/schema-types';
import { getNoteRequest, requireLiveNote, type CommentedNote } from '../lib/comment-note';

// The note gives the space whose members may comment on it.
export function request(ctx: Context<MutationAddCommentArgs>): DynamoDBGetItemRequest {
  return getNoteRequest(ctx.args.input.noteId);
}

export function response(ctx: Context<MutationAddCommentArgs>): CommentedNote {
  return requireLiveNote(ctx, ctx.args.input.noteId);
}
