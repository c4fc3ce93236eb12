// @dataSource Memberships
import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { CommentItem } from '../lib/comment-item';
import { callerId } from '../lib/identity';
import { canManageMembers, canRead, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// A member deletes their own comment; the space's OWNER deletes anyone's. Everyone else, including
// a former member who wrote the comment, is Unauthorized.
export function request(ctx: Context): DynamoDBGetItemRequest {
  return getMembershipRequest((ctx.prev.result as CommentItem).spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  const membership = requireMembership(ctx, canRead);
  const comment = ctx.stash.comment as CommentItem;
  if (comment.authorId !== membership.userId && !canManageMembers(membership.role)) {
    util.unauthorized();
  }
  return membership;
}
