// @dataSource Users
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { User } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import { getUserRequest } from '../lib/users';

// The caller's profile as it is, read first: on most calls the caller was active within the hour
// and this read (one read unit) is all `me` costs. Strongly consistent, so the caller sees their
// own latest writes.
export function request(ctx: Context): DynamoDBGetItemRequest {
  return getUserRequest(callerId(ctx), true);
}

export function response(ctx: Context): User | null {
  raiseDataSourceError(ctx);
  return ctx.result;
}
