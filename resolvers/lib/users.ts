import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';

const SECONDS_PER_DAY = 86400;

/**
 * The SET clauses that give a new profile row its required fields without touching an existing
 * row's values (the names and values they use come from profileDefaultNames/Values).
 */
export const PROFILE_DEFAULTS =
  '#createdAt = if_not_exists(#createdAt, :now), #lastActiveAt = if_not_exists(#lastActiveAt, :now), #expiresAt = if_not_exists(#expiresAt, :expiresAt)';

export const PROFILE_DEFAULT_NAMES = {
  '#createdAt': 'createdAt',
  '#lastActiveAt': 'lastActiveAt',
  '#expiresAt': 'expiresAt',
};

/** When a profile last active now expires: now plus the API's INACTIVE_USER_TTL_DAYS, in epoch seconds. */
export function expiresAtFromNow(ctx: Context): number {
  const days = Number(ctx.env.INACTIVE_USER_TTL_DAYS);
  if (!(days > 0)) {
    util.error(
      `The API's INACTIVE_USER_TTL_DAYS environment variable must be a positive number of days (received "${ctx.env.INACTIVE_USER_TTL_DAYS}").`,
      'ConfigurationError',
    );
  }
  return util.time.nowEpochSeconds() + days * SECONDS_PER_DAY;
}

/** Reads one profile; consistent when it must see a write made earlier in the same request. */
export function getUserRequest(id: string, consistentRead: boolean): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ id }), consistentRead };
}

/** User ids are Cognito subs (UUIDs); this bounds what a lookup sends to DynamoDB. */
export const USER_ID_MAX = 128;

/**
 * Reads hide expired rows: DynamoDB TTL may take up to 48 hours to delete an item after its
 * expiresAt, and until then the user is gone as far as anyone else is concerned.
 */
export function isExpired(item: { expiresAt?: number | null }): boolean {
  return typeof item.expiresAt === 'number' && item.expiresAt <= util.time.nowEpochSeconds();
}

/**
 * The profile another signed-in user sees: null when the row is missing or expired. When the user
 * was last active, and so when they expire, is theirs alone.
 */
export function publicProfile(item: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!item || isExpired(item)) return null;
  return {
    id: item.id,
    handle: item.handle,
    displayName: item.displayName,
    bio: item.bio,
    avatar: item.avatar,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
