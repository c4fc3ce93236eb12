// @dataSource Users
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryUserArgs, User } from './__generated__/schema-types';
import { raiseDataSourceError } from './lib/errors';
import { callerId } from './lib/identity';
import { getUserRequest, publicProfile, USER_ID_MAX } from './lib/users';

// Any signed-in user reads another's public profile. An eventually consistent read is enough for
// someone else's profile, and costs half.
export function request(ctx: Context<QueryUserArgs>): DynamoDBGetItemRequest {
  callerId(ctx);
  const id = ctx.args.id;
  if (id.length < 1 || id.length > USER_ID_MAX) {
    util.error(`id must be a user id of 1 to ${USER_ID_MAX} characters (received ${id.length}).`, 'ValidationError');
  }
  return getUserRequest(id, false);
}

export function response(ctx: Context): User | null {
  raiseDataSourceError(ctx);
  return publicProfile(ctx.result) as User | null;
}
