// @dataSource LinkPreviews
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { LinkPreview, QueryLinkPreviewArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { cacheKey, previewOf, type CachedPreview } from '../lib/link-preview-cache';

export function request(ctx: Context<QueryLinkPreviewArgs>): DynamoDBGetItemRequest {
  ctx.stash.cacheKey = cacheKey(ctx.args.url);
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ url: ctx.stash.cacheKey }), consistentRead: false };
}

// The cached preview, or null to fetch it. A row past its expiresAt counts as missing: DynamoDB
// deletes expired items only within a few days of their expiry.
export function response(ctx: Context): LinkPreview | null {
  raiseDataSourceError(ctx);
  const item = ctx.result as CachedPreview | null;
  if (!item || item.expiresAt <= util.time.nowEpochSeconds()) {
    return null;
  }
  return previewOf(item);
}
