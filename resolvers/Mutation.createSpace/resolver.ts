import type { Context } from '@aws-appsync/utils';
import type { MutationCreateSpaceArgs, Space } from '../__generated__/schema-types';
import { spaceInput } from '../lib/space-input';

// Validates the input before anything is written; the function works from ctx.stash.input.
export function request(ctx: Context<MutationCreateSpaceArgs>): Record<string, never> {
  ctx.stash.input = spaceInput(ctx.args.input);
  return {};
}

export function response(ctx: Context): Space {
  return ctx.prev.result;
}
