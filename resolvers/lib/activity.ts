import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from './errors';
import { callerId } from './identity';
import { expiresAtFromNow, isExpired } from './users';

// The hourly activity refresh (DESIGN.md, "Inactive users expire"): any authenticated activity
// moves the caller's lastActiveAt to now and expiresAt to now + INACTIVE_USER_TTL_DAYS, at most
// once an hour. The condition makes DynamoDB skip the write when lastActiveAt is less than an hour
// old, so the row changes (and its stream emits a record) once an hour, not on every request.
// DynamoDB still charges a write unit for a write whose condition fails, which is why `me`, the
// most frequent call, reads first and writes only when the refresh is due (bench/domain measures both).
//
// An expired row is never refreshed: it is gone as far as reads go, an admin's expireUser must
// stick, and the TTL deletion and cleanup that follow expiry must not race a revival.
//
// lastActiveAt is an ISO-8601 UTC string from util.time (same zone, same field order, zero-padded),
// so comparing two of them as strings compares them in time order; the condition relies on that.

const HOUR_MS = 60 * 60 * 1000;

const CONDITIONAL_CHECK_FAILED = 'DynamoDB:ConditionalCheckFailedException';

/**
 * A row that has not expired and has not been active for an hour (or never recorded activity). The
 * condition names its attributes with placeholders of its own: AppSync refuses a placeholder that
 * both the update and the condition define (https://github.com/aws/aws-appsync-community/issues/162).
 */
const DUE =
  '(attribute_not_exists(#conditionExpiresAt) OR #conditionExpiresAt > :nowSeconds) AND (attribute_not_exists(#conditionLastActiveAt) OR #conditionLastActiveAt < :hourAgo)';

/** An hour before now, as util.time writes lastActiveAt. */
function hourAgo(): string {
  return util.time.epochMilliSecondsToISO8601(util.time.nowEpochMilliSeconds() - HOUR_MS);
}

/** Whether the refresh has something to do: no row yet, or a live row not active within the hour. */
export function refreshDue(row: { lastActiveAt?: string | null; expiresAt?: number | null } | null): boolean {
  if (!row) return true;
  if (isExpired(row)) return false;
  return typeof row.lastActiveAt !== 'string' || row.lastActiveAt < hourAgo();
}

/**
 * The refresh as one UpdateItem on Users. With `createProfile`, a missing row is created with the
 * profile's required fields (for `me`); without, a missing row is left missing (a mutation does
 * not create profiles). `consistentRead` is how AppSync reads the current row back when the
 * condition fails.
 */
export function touchActivityRequest(ctx: Context, createProfile: boolean, consistentRead: boolean): DynamoDBUpdateItemRequest {
  const sets = ['#lastActiveAt = :now', '#expiresAt = :expiresAt'];
  const names: Record<string, string> = { '#lastActiveAt': 'lastActiveAt', '#expiresAt': 'expiresAt' };
  if (createProfile) {
    sets.push('#createdAt = if_not_exists(#createdAt, :now)', '#updatedAt = if_not_exists(#updatedAt, :now)');
    names['#createdAt'] = 'createdAt';
    names['#updatedAt'] = 'updatedAt';
  }
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ id: callerId(ctx) }),
    update: {
      expression: `SET ${sets.join(', ')}`,
      expressionNames: names,
      expressionValues: util.dynamodb.toMapValues({ ':now': util.time.nowISO8601(), ':expiresAt': expiresAtFromNow(ctx) }),
    },
    condition: {
      expression: createProfile ? `attribute_not_exists(#conditionId) OR (${DUE})` : `attribute_exists(#conditionId) AND ${DUE}`,
      expressionNames: { '#conditionId': 'id', '#conditionExpiresAt': 'expiresAt', '#conditionLastActiveAt': 'lastActiveAt' },
      expressionValues: util.dynamodb.toMapValues({ ':nowSeconds': util.time.nowEpochSeconds(), ':hourAgo': hourAgo() }),
      consistentRead,
    },
  };
}

/** Whether the condition skipped the write: the refresh was not due (or, without createProfile, no row). */
export function refreshSkipped(ctx: Context): boolean {
  return !!ctx.error && ctx.error.type === CONDITIONAL_CHECK_FAILED;
}

// The pipeline step (`0-touchActivity.ts` in every mutation folder re-exports these). Nothing reads
// the row it reads back on a fresh row, so that read is eventually consistent (half the cost).
export function request(ctx: Context): DynamoDBUpdateItemRequest {
  return touchActivityRequest(ctx, false, false);
}

/**
 * A fresh or missing row is no error. The step hands on what it was given, so the next function
 * sees in ctx.prev.result what it would have seen without this step.
 */
export function response(ctx: Context): unknown {
  if (!refreshSkipped(ctx)) {
    raiseDataSourceError(ctx);
  }
  return ctx.prev.result;
}
