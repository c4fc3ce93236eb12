import type { Context } from '@aws-appsync/utils';
import type { SubscriptionOnCommentAddedArgs } from '../__generated__/schema-types';
import type { MembershipItem } from '../lib/membership';
import { deliverOnlyWhere, endWhenMembershipEnds } from '../lib/subscription-filter';

export function request(): Record<string, never> {
  return {};
}

// Once the caller is known to be a member (the authorize step's membership), only that note's
// comments reach the subscription, and it ends when the caller's membership of its space does.
export function response(ctx: Context<SubscriptionOnCommentAddedArgs>): null {
  const membership = ctx.prev.result as MembershipItem;
  endWhenMembershipEnds(membership.spaceId, membership.userId);
  return deliverOnlyWhere('noteId', ctx.args.noteId);
}
