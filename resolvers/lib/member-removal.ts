import { util, type Context } from '@aws-appsync/utils';
import type { MembershipItem } from './membership';
import type { TransactItem } from './transactions';

/** Deletes a membership only if it still has the role that was read, so the read stays true. */
export function deleteMembershipItem(ctx: Context, membership: MembershipItem): TransactItem {
  return {
    table: ctx.env.MEMBERSHIPS_TABLE,
    operation: 'DeleteItem',
    key: util.dynamodb.toMapValues({ spaceId: membership.spaceId, userId: membership.userId }),
    condition: {
      expression: '#role = :role',
      expressionNames: { '#role': 'role' },
      expressionValues: util.dynamodb.toMapValues({ ':role': membership.role }),
      returnValuesOnConditionCheckFailure: false,
    },
  };
}

/** One member fewer on the space, in the same transaction as the membership's delete. */
export function decrementMemberCountItem(ctx: Context, spaceId: string): TransactItem {
  return {
    table: ctx.env.SPACES_TABLE,
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ id: spaceId }),
    update: { expression: 'SET #memberCount = #memberCount - :one', expressionNames: { '#memberCount': 'memberCount' }, expressionValues: util.dynamodb.toMapValues({ ':one': 1 }) },
    condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' }, returnValuesOnConditionCheckFailure: false },
  };
}
