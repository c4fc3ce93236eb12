// @dataSource NONE
import { util, type Context, type NONERequest } from '@aws-appsync/utils';
import type { SubscriptionOnMembershipChangedArgs } from './__generated__/schema-types';
import { callerId } from './lib/identity';
import { deliverOnlyWhere } from './lib/subscription-filter';

// A user's memberships are theirs alone to follow: anyone else is refused at subscribe time.
export function request(ctx: Context<SubscriptionOnMembershipChangedArgs>): NONERequest {
  if (ctx.args.userId !== callerId(ctx)) {
    util.unauthorized();
  }
  return { payload: null };
}

export function response(ctx: Context<SubscriptionOnMembershipChangedArgs>): null {
  return deliverOnlyWhere('userId', ctx.args.userId);
}
