// @dataSource Memberships
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import { decrementMemberCountItem, deleteMembershipItem } from '../lib/member-removal';
import type { MembershipItem } from '../lib/membership';
import { conditionFailedAt } from '../lib/transactions';
import { membershipEnded } from '../lib/subscription-filter';

// A member's membership goes and the memberCount drops, together. The OWNER may leave only as the
// last member, and the space goes with them: the delete of the space holds only while
// memberCount is 1.
export function request(ctx: Context): DynamoDBTransactWriteItemsRequest {
  const membership = ctx.prev.result as MembershipItem;
  ctx.stash.left = membership;
  const spaceItem =
    membership.role === 'OWNER'
      ? {
          table: ctx.env.SPACES_TABLE,
          operation: 'DeleteItem' as const,
          key: util.dynamodb.toMapValues({ id: membership.spaceId }),
          condition: {
            expression: '#memberCount = :one',
            expressionNames: { '#memberCount': 'memberCount' },
            expressionValues: util.dynamodb.toMapValues({ ':one': 1 }),
            returnValuesOnConditionCheckFailure: false,
          },
        }
      : decrementMemberCountItem(ctx, membership.spaceId);
  return { operation: 'TransactWriteItems', transactItems: [deleteMembershipItem(ctx, membership), spaceItem] };
}

// TransactWriteItems returns no item: the result is the membership as it was before the delete.
export function response(ctx: Context): MembershipItem {
  if (ctx.error) {
    if (conditionFailedAt(ctx, 0)) {
      util.error('The membership changed while leaving; read it again and retry.', 'MembershipConflict');
    }
    if (ctx.stash.left.role === 'OWNER' && conditionFailedAt(ctx, 1)) {
      util.error('The OWNER cannot leave while other members remain; remove them first.', 'OwnerCannotLeave');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  membershipEnded(ctx.stash.left.spaceId, ctx.stash.left.userId);
  return ctx.stash.left;
}
