// @dataSource Users
import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { User } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { getUserRequest, publicProfile } from '../lib/users';

// The holder's public profile; no claim means no user, without a read.
export function request(ctx: Context): DynamoDBGetItemRequest {
  const userId = ctx.prev.result as string | null;
  if (!userId) {
    runtime.earlyReturn(null);
  }
  return getUserRequest(userId, false);
}

export function response(ctx: Context): User | null {
  raiseDataSourceError(ctx);
  return publicProfile(ctx.result) as User | null;
}
