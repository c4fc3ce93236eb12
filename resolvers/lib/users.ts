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
