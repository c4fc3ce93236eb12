// @dataSource Memberships
import { util, type Context, type DynamoDBTransactWriteItemsRequest, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import type { MutationAddMemberArgs } from '../__generated__/schema-types';
import type { MembershipItem } from '../lib/membership';
import { conditionFailedAt } from '../lib/transactions';

// A member already: only the role changes. A new member: the membership and the space's memberCount
// are written together, and the user must have a live profile.
export function request(ctx: Context<MutationAddMemberArgs>): DynamoDBUpdateItemRequest | DynamoDBTransactWriteItemsRequest {
  const { spaceId, userId, role } = ctx.args;
  const current = ctx.prev.result as MembershipItem | null;
  if (current) {
    if (current.role === 'OWNER') {
      util.error("The space's OWNER keeps that role; their role cannot be changed.", 'CannotChangeOwner');
    }
    return {
      operation: 'UpdateItem',
      key: util.dynamodb.toMapValues({ spaceId, userId }),
      update: { expression: 'SET #role = :role', expressionNames: { '#role': 'role' }, expressionValues: util.dynamodb.toMapValues({ ':role': role }) },
      // Still the membership read in step 2: not removed or changed meanwhile.
      condition: { expression: '#role = :current', expressionNames: { '#role': 'role' }, expressionValues: util.dynamodb.toMapValues({ ':current': current.role }) },
    };
  }
  const joinedAt = util.time.nowISO8601();
  ctx.stash.added = { spaceId, userId, role, joinedAt };
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table: ctx.env.MEMBERSHIPS_TABLE,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ spaceId, userId }),
        attributeValues: util.dynamodb.toMapValues({ role, joinedAt }),
        condition: { expression: 'attribute_not_exists(#userId)', expressionNames: { '#userId': 'userId' }, returnValuesOnConditionCheckFailure: false },
      },
      {
        table: ctx.env.SPACES_TABLE,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues({ id: spaceId }),
        update: { expression: 'SET #memberCount = #memberCount + :one', expressionNames: { '#memberCount': 'memberCount' }, expressionValues: util.dynamodb.toMapValues({ ':one': 1 }) },
        condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' }, returnValuesOnConditionCheckFailure: false },
      },
      {
        // Reads hide a profile whose expiresAt has passed (TTL deletes lag), so adding it fails too.
        table: ctx.env.USERS_TABLE,
        operation: 'ConditionCheck',
        key: util.dynamodb.toMapValues({ id: userId }),
        condition: {
          expression: 'attribute_exists(#id) AND #expiresAt > :now',
          expressionNames: { '#id': 'id', '#expiresAt': 'expiresAt' },
          expressionValues: util.dynamodb.toMapValues({ ':now': util.time.nowEpochSeconds() }),
          returnValuesOnConditionCheckFailure: false,
        },
      },
    ],
  };
}

export function response(ctx: Context<MutationAddMemberArgs>): MembershipItem {
  if (ctx.error) {
    if (ctx.stash.added === undefined && ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      util.error('The membership changed while the role was being saved; read it again and retry.', 'MembershipConflict');
    }
    if (conditionFailedAt(ctx, 0)) {
      util.error(`${ctx.args.userId} was added to the space meanwhile; read the membership again.`, 'MembershipConflict');
    }
    if (conditionFailedAt(ctx, 1)) {
      util.error(`Space ${ctx.args.spaceId} does not exist.`, 'SpaceNotFound');
    }
    if (conditionFailedAt(ctx, 2)) {
      util.error(`User ${ctx.args.userId} does not exist.`, 'UserNotFound');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.added === undefined ? ctx.result : ctx.stash.added;
}
