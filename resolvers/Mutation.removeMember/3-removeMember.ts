// @dataSource Memberships
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import type { MutationRemoveMemberArgs } from '../__generated__/schema-types';
import { decrementMemberCountItem, deleteMembershipItem } from '../lib/member-removal';
import type { MembershipItem } from '../lib/membership';
import { conditionFailedAt } from '../lib/transactions';
import { membershipEnded } from '../lib/subscription-filter';

// The membership and the space's memberCount change together. The OWNER is never removed: a space
// keeps its owner until the owner leaves it last.
export function request(ctx: Context<MutationRemoveMemberArgs>): DynamoDBTransactWriteItemsRequest {
  const member = ctx.prev.result as MembershipItem | null;
  if (!member) {
    util.error(`${ctx.args.userId} is not a member of space ${ctx.args.spaceId}.`, 'MemberNotFound');
  }
  if (member.role === 'OWNER') {
    util.error("The space's OWNER cannot be removed.", 'CannotRemoveOwner');
  }
  ctx.stash.removed = member;
  return {
    operation: 'TransactWriteItems',
    transactItems: [deleteMembershipItem(ctx, member), decrementMemberCountItem(ctx, member.spaceId)],
  };
}

// TransactWriteItems returns no item: the result is the membership as it was before the delete.
export function response(ctx: Context<MutationRemoveMemberArgs>): MembershipItem {
  if (ctx.error) {
    if (conditionFailedAt(ctx, 0)) {
      util.error('The membership changed while it was being removed; read it again and retry.', 'MembershipConflict');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  membershipEnded(ctx.stash.removed.spaceId, ctx.stash.removed.userId);
  return ctx.stash.removed;
}
