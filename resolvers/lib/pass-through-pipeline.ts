import type { Context } from '@aws-appsync/utils';

// The before/after handlers of a pipeline folder without its own resolver.ts: the field resolves to
// what the last function returned.

export function request(): Record<string, never> {
  return {};
}

export function response(ctx: Context): unknown {
  return ctx.prev.result;
}
