import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateProfileArgs, User } from '../__generated__/schema-types';
import { profileChanges } from '../lib/profile-input';

// Validates the input before anything is read or written; the functions work from ctx.stash.changes.
export function request(ctx: Context<MutationUpdateProfileArgs>): Record<string, never> {
  ctx.stash.changes = profileChanges(ctx.args.input);
  return {};
}

export function response(ctx: Context): User {
  return ctx.prev.result;
}
