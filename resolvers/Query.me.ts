// @dataSource Users
import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import type { User } from './__generated__/schema-types';
import { raiseDataSourceError } from './lib/errors';
import { callerId } from './lib/identity';
import { PROFILE_DEFAULT_NAMES, PROFILE_DEFAULTS, expiresAtFromNow } from './lib/users';

// The caller's profile, created on the first call so users made by any path (sign-up, an admin,
// the seed) work at once: one UpdateItem whose if_not_exists clauses leave an existing row as it is.
// AppSync's UpdateItem returns the whole item as it is after the update.
export function request(ctx: Context): DynamoDBUpdateItemRequest {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ id: callerId(ctx) }),
    update: {
      expression: `SET ${PROFILE_DEFAULTS}, #updatedAt = if_not_exists(#updatedAt, :now)`,
      expressionNames: { ...PROFILE_DEFAULT_NAMES, '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({ ':now': util.time.nowISO8601(), ':expiresAt': expiresAtFromNow(ctx) }),
    },
  };
}

export function response(ctx: Context): User {
  raiseDataSourceError(ctx);
  return ctx.result;
}
