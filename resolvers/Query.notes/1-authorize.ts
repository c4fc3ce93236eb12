// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryNotesArgs } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import { canRead, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// Any member lists a space's notes; the connection is non-null, so anyone else is Unauthorized.
export function request(ctx: Context<QueryNotesArgs>): DynamoDBGetItemRequest {
  return getMembershipRequest(ctx.args.spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canRead);
}
