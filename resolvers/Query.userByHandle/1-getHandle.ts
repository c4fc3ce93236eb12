// @dataSource Handles
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryUserByHandleArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import { HANDLE_PATTERN } from '../lib/profile-input';

// Handles are stored trimmed and lowercase (lib/profile-input.ts), so "Ada " finds "ada". A string
// that cannot be a handle is the client's mistake, said as such rather than answered with null.
export function request(ctx: Context<QueryUserByHandleArgs>): DynamoDBGetItemRequest {
  callerId(ctx);
  const handle = ctx.args.handle.trim().toLowerCase();
  if (!util.matches(HANDLE_PATTERN, handle)) {
    util.error(`handle must be 3 to 30 characters of letters, digits or underscores (received ${ctx.args.handle.length} characters).`, 'ValidationError');
  }
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ handle }), consistentRead: false };
}

// The claim's user id, or null when nobody holds the handle.
export function response(ctx: Context): string | null {
  raiseDataSourceError(ctx);
  return ctx.result ? ctx.result.userId : null;
}
