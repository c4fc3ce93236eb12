import type { Context } from '@aws-appsync/utils';
import type { SubscriptionOnCommentAddedArgs } from '../__generated__/schema-types';
import { deliverOnlyWhere } from '../lib/subscription-filter';

export function request(): Record<string, never> {
  return {};
}

// Once the caller is known to be a member, only that note's comments reach the subscription.
export function response(ctx: Context<SubscriptionOnCommentAddedArgs>): null {
  return deliverOnlyWhere('noteId', ctx.args.noteId);
}
