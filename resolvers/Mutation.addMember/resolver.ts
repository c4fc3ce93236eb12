import { util, type Context } from '@aws-appsync/utils';
import type { Membership, MutationAddMemberArgs } from '../__generated__/schema-types';

// A space has exactly one OWNER, its creator: addMember grants EDITOR or VIEWER only.
export function request(ctx: Context<MutationAddMemberArgs>): Record<string, never> {
  if (ctx.args.role === 'OWNER') {
    util.error('addMember grants EDITOR or VIEWER; a space has one OWNER, its creator.', 'ValidationError');
  }
  return {};
}

export function response(ctx: Context): Membership {
  return ctx.prev.result;
}
