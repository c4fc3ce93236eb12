// @dataSource LinkPreviews
import { util, type Context, type DynamoDBPutItemRequest } from '@aws-appsync/utils';
import type { LinkPreview } from '../__generated__/schema-types';
import { cachedAttributes } from '../lib/link-preview-cache';

export function request(ctx: Context): DynamoDBPutItemRequest {
  const preview = ctx.prev.result as LinkPreview;
  ctx.stash.preview = preview;
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ url: ctx.stash.cacheKey }),
    attributeValues: util.dynamodb.toMapValues(cachedAttributes(preview, util.time.nowEpochSeconds())),
  };
}

// A failed cache write still answers with the preview that was fetched, and reports the error beside it.
export function response(ctx: Context): LinkPreview {
  if (ctx.error) {
    util.appendError(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.preview;
}
