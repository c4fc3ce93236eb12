// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationLeaveSpaceArgs } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import { canRead, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// Any member may leave; the caller's membership is what step 2 deletes.
export function request(ctx: Context<MutationLeaveSpaceArgs>): DynamoDBGetItemRequest {
  return getMembershipRequest(ctx.args.spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canRead);
}
