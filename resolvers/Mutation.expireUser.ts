// @dataSource Users
import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import type { MutationExpireUserArgs, User } from './__generated__/schema-types';
import { callerId } from './lib/identity';
import { USER_ID_MAX } from './lib/users';

// Admins only: the schema's @aws_cognito_user_pools(cognito_groups: ["ADMINS"]) refuses anyone
// else before this runs. The user's expiresAt becomes now, so DynamoDB TTL (the TTL reaper in
// Outpost Local) deletes the row as if they had been inactive for the whole retention period, and
// the stream-triggered cleanup removes their data. Only an existing profile is expired: the
// condition keeps UpdateItem from creating a row for an unknown id.
export function request(ctx: Context<MutationExpireUserArgs>): DynamoDBUpdateItemRequest {
  callerId(ctx);
  const id = ctx.args.id;
  if (id.length < 1 || id.length > USER_ID_MAX) {
    util.error(`id must be a user id of 1 to ${USER_ID_MAX} characters (received ${id.length}).`, 'ValidationError');
  }
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ id }),
    update: {
      expression: 'SET #expiresAt = :now',
      expressionNames: { '#expiresAt': 'expiresAt' },
      expressionValues: util.dynamodb.toMapValues({ ':now': util.time.nowEpochSeconds() }),
    },
    condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' } },
  };
}

export function response(ctx: Context<MutationExpireUserArgs>): User {
  if (ctx.error) {
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      util.error(`User ${ctx.args.id} does not exist.`, 'UserNotFound');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.result;
}
