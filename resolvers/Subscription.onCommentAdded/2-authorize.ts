// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { CommentedNote } from '../lib/comment-note';
import { callerId } from '../lib/identity';
import { canRead, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// Any member of the note's space may follow its comments; anyone else is refused at subscribe time.
export function request(ctx: Context): DynamoDBGetItemRequest {
  return getMembershipRequest((ctx.prev.result as CommentedNote).spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canRead);
}
