// @dataSource Notes
import { runtime, util, type Context, type DynamoDBQueryRequest, type DynamoDBSyncRequest } from '@aws-appsync/utils';
import type { Note, NoteSyncConnection } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { encodeSyncToken } from '../lib/sync-token';

// Either one Sync over the delta table (changes since lastSync in the caller's spaces, deletions
// included), or one page of a base sync: the current space's notes from bySpace, tombstones
// included, so a client also learns what was deleted while it was away.
// Sync request: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
export function request(ctx: Context): DynamoDBQueryRequest | DynamoDBSyncRequest {
  const sync = ctx.stash.sync;
  const { spaceIds, more } = ctx.prev.result as { spaceIds: string[]; more: boolean };
  if (spaceIds.length === 0) {
    runtime.earlyReturn({ items: [], nextToken: null, startedAt: sync.startedAt });
  }
  if (sync.phase === 'delta' || (sync.phase === 'start' && sync.lastSync !== null && !more)) {
    const lastSync = sync.lastSync;
    ctx.stash.page = { phase: 'delta', lastSync };
    const names = spaceIds.map((_, index) => `:s${index}`);
    const values: Record<string, string> = {};
    spaceIds.forEach((spaceId, index) => {
      values[names[index]] = spaceId;
    });
    return {
      operation: 'Sync',
      lastSync,
      limit: ctx.stash.limit,
      ...(sync.phase === 'delta' ? { nextToken: sync.inner } : {}),
      filter: { expression: `#spaceId IN (${names.join(', ')})`, expressionNames: { '#spaceId': 'spaceId' }, expressionValues: util.dynamodb.toMapValues(values) },
    };
  }
  // A base page resumes inside its space only if the caller is still a member of it.
  const spaceId = spaceIds[0];
  const inner = sync.phase === 'base' && sync.spaceId === spaceId ? sync.inner : null;
  ctx.stash.page = { phase: 'base', spaceId, nextSpaceId: spaceIds.length > 1 ? spaceIds[1] : null };
  return {
    operation: 'Query',
    index: 'bySpace',
    query: { expression: '#spaceId = :spaceId', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: util.dynamodb.toMapValues({ ':spaceId': spaceId }) },
    limit: ctx.stash.limit,
    ...(inner ? { nextToken: inner } : {}),
  };
}

export function response(ctx: Context): NoteSyncConnection {
  raiseDataSourceError(ctx);
  const { startedAt } = ctx.stash.sync;
  const page = ctx.stash.page;
  const inner = ctx.result.nextToken || null;
  let nextToken: string | null = null;
  if (page.phase === 'delta') {
    if (inner) nextToken = encodeSyncToken({ phase: 'delta', startedAt, lastSync: page.lastSync, inner });
  } else if (inner) {
    nextToken = encodeSyncToken({ phase: 'base', startedAt, spaceId: page.spaceId, inner });
  } else if (page.nextSpaceId) {
    nextToken = encodeSyncToken({ phase: 'base', startedAt, spaceId: page.nextSpaceId, inner: null });
  }
  return { items: ctx.result.items as Note[], nextToken, startedAt };
}
