// @dataSource Users
import { runtime, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import type { User } from '../__generated__/schema-types';
import { refreshDue, refreshSkipped, touchActivityRequest } from '../lib/activity';
import { raiseDataSourceError } from '../lib/errors';

// A profile active within the hour, or expired, is the answer as it is, without a write (the
// caller's own profile is never hidden, not even past its expiresAt). Otherwise the hourly activity
// refresh runs, creating the profile on the first call so users made by any path (sign-up, an
// admin, the seed) work at once. Its condition still guards the write: if another request
// refreshed the row since step 1, AppSync reads the row back and hands it over as ctx.result.
export function request(ctx: Context): DynamoDBUpdateItemRequest {
  const profile = ctx.prev.result as User | null;
  if (!refreshDue(profile)) {
    runtime.earlyReturn(profile);
  }
  return touchActivityRequest(ctx, true, true);
}

// UpdateItem returns the whole row after the update.
export function response(ctx: Context): User {
  if (!refreshSkipped(ctx)) {
    raiseDataSourceError(ctx);
  }
  return ctx.result;
}
