// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { CommentedNote } from '../lib/comment-note';
import { callerId } from '../lib/identity';
import { canWrite, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// EDITOR and OWNER comment; a VIEWER or a non-member is Unauthorized.
export function request(ctx: Context): DynamoDBGetItemRequest {
  return getMembershipRequest((ctx.prev.result as CommentedNote).spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canWrite);
}
