// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { callerId } from '../lib/identity';
import { canManageMembers, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// Only the space's OWNER manages its members.
export function request(ctx: Context<{ spaceId: string }>): DynamoDBGetItemRequest {
  return getMembershipRequest(ctx.args.spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canManageMembers);
}
