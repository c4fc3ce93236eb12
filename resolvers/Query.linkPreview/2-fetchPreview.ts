// @dataSource LinkPreviewFunction
import { runtime, type Context, type LambdaRequest } from '@aws-appsync/utils';
import type { LinkPreview } from '../__generated__/schema-types';
import { functionResult } from '../lib/function-outcome';

// A cache hit ends the pipeline here: neither the function nor the cache write runs.
export function request(ctx: Context): LambdaRequest {
  const cached = ctx.prev.result as LinkPreview | null;
  if (cached) {
    runtime.earlyReturn(cached, { skipTo: 'END' });
  }
  return { operation: 'Invoke', payload: { url: ctx.stash.cacheKey } };
}

// The function returns its refusals as data, so their errorType (LinkPreviewBlocked, …) reaches the client.
export function response(ctx: Context): LinkPreview {
  return functionResult<LinkPreview>(ctx);
}
