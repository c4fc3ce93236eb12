// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { getMembershipRequest, type MembershipItem } from '../lib/membership';

// The target user's current membership, or null when they are not a member.
export function request(ctx: Context<{ spaceId: string; userId: string }>): DynamoDBGetItemRequest {
  return getMembershipRequest(ctx.args.spaceId, ctx.args.userId);
}

export function response(ctx: Context): MembershipItem | null {
  raiseDataSourceError(ctx);
  return ctx.result;
}
