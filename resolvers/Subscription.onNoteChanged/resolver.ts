import type { Context } from '@aws-appsync/utils';
import type { SubscriptionOnNoteChangedArgs } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import { deliverOnlyWhere, endWhenMembershipEnds } from '../lib/subscription-filter';

export function request(): Record<string, never> {
  return {};
}

// Once the caller is known to be a member, only that space's notes reach the subscription, and it
// ends when the caller's membership does.
export function response(ctx: Context<SubscriptionOnNoteChangedArgs>): null {
  endWhenMembershipEnds(ctx.args.spaceId, callerId(ctx));
  return deliverOnlyWhere('spaceId', ctx.args.spaceId);
}
