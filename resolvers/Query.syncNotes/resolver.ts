import { util, type Context } from '@aws-appsync/utils';
import type { NoteSyncConnection, QuerySyncNotesArgs } from '../__generated__/schema-types';
import { pageSize } from '../lib/pagination';
import { decodeSyncToken, type SyncState } from '../lib/sync-token';

// Delta sync for offline clients, in AppSync's model (_version, _lastChangedAt, _deleted):
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-conflict-detection-and-sync-sync-operations.html
// AppSync's Sync operation would Scan the whole Notes table for a base query; this resolver asks
// the delta table (a Query) only while it still holds every change since lastSync, and otherwise
// reads the caller's spaces one bySpace Query at a time.
export function request(ctx: Context<QuerySyncNotesArgs>): Record<string, never> {
  ctx.stash.limit = pageSize(ctx.args.limit);
  ctx.stash.sync = firstOrNext(ctx);
  return {};
}

function firstOrNext(ctx: Context<QuerySyncNotesArgs>): SyncState | { phase: 'start'; startedAt: number; lastSync: number | null } {
  if (ctx.args.nextToken) return decodeSyncToken(ctx.args.nextToken);
  const startedAt = util.time.nowEpochMilliSeconds();
  const lastSync = ctx.args.lastSync;
  if (lastSync !== null && lastSync !== undefined && (lastSync < 0 || lastSync > startedAt)) {
    util.error(`lastSync must be a past moment in epoch milliseconds (received ${lastSync}).`, 'ValidationError');
  }
  const deltaWindowMs = Number(ctx.env.NOTES_DELTA_SYNC_TTL_MINUTES) * 60000;
  const deltaCovers = lastSync !== null && lastSync !== undefined && lastSync >= startedAt - deltaWindowMs;
  return { phase: 'start', startedAt, lastSync: deltaCovers ? lastSync : null };
}

export function response(ctx: Context): NoteSyncConnection {
  return ctx.prev.result;
}
