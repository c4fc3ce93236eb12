// @dataSource Users
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { User } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import { getUserRequest } from '../lib/users';

// TransactWriteItems returns no item, so the saved profile is read back, consistently.
export function request(ctx: Context): DynamoDBGetItemRequest {
  return getUserRequest(callerId(ctx), true);
}

export function response(ctx: Context): User {
  raiseDataSourceError(ctx);
  return ctx.result;
}
