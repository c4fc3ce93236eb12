// @dataSource Users
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { User } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import { getUserRequest } from '../lib/users';

// The current profile, for the handle the caller holds now (null when the row does not exist yet).
export function request(ctx: Context): DynamoDBGetItemRequest {
  return getUserRequest(callerId(ctx), true);
}

export function response(ctx: Context): User | null {
  raiseDataSourceError(ctx);
  return ctx.result;
}
