// @dataSource Notes
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryCommentsArgs } from '../__generated__/schema-types';
import { getNoteRequest, requireLiveNote, type CommentedNote } from '../lib/comment-note';

// The note gives the space whose members may read its comments.
export function request(ctx: Context<QueryCommentsArgs>): DynamoDBGetItemRequest {
  return getNoteRequest(ctx.args.noteId);
}

export function response(ctx: Context<QueryCommentsArgs>): CommentedNote {
  return requireLiveNote(ctx, ctx.args.noteId);
}
