// @dataSource LinkPreviewFunction
import { runtime, util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import type { LinkPreview } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';

/** What the link-preview function returns (functions/link-preview/handler.ts, LinkPreviewResult). */
interface LinkPreviewResult {
  preview?: LinkPreview;
  error?: { type: string; message: string };
}

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
  raiseDataSourceError(ctx);
  const result = ctx.result as LinkPreviewResult;
  if (result.error) {
    util.error(result.error.message, result.error.type);
  }
  return result.preview as LinkPreview;
}
