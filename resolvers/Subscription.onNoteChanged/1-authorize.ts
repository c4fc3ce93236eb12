// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { SubscriptionOnNoteChangedArgs } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import { canRead, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// Any member may follow a space's notes; a non-member's subscription is refused at subscribe time.
export function request(ctx: Context<SubscriptionOnNoteChangedArgs>): DynamoDBGetItemRequest {
  return getMembershipRequest(ctx.args.spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canRead);
}
