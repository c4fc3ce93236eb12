import type { Context } from '@aws-appsync/utils';
import type { Comment, MutationAddCommentArgs } from '../__generated__/schema-types';
import { commentBody } from '../lib/comment-input';

// Validates the body before anything is read or written; the put works from ctx.stash.body.
export function request(ctx: Context<MutationAddCommentArgs>): Record<string, never> {
  ctx.stash.body = commentBody(ctx.args.input.body);
  return {};
}

export function response(ctx: Context): Comment {
  return ctx.prev.result;
}
