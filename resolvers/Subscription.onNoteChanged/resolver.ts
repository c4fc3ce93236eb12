import type { Context } from '@aws-appsync/utils';
import type { SubscriptionOnNoteChangedArgs } from '../__generated__/schema-types';
import { deliverOnlyWhere } from '../lib/subscription-filter';

export function request(): Record<string, never> {
  return {};
}

// Once the caller is known to be a member, only that space's notes reach the subscription.
export function response(ctx: Context<SubscriptionOnNoteChangedArgs>): null {
  return deliverOnlyWhere('spaceId', ctx.args.spaceId);
}
