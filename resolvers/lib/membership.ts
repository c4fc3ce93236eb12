import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { Role } from '../__generated__/schema-types';
import { raiseDataSourceError } from './errors';

/** A row of the Memberships table (key `spaceId` + `userId`). */
export type MembershipItem = {
  spaceId: string;
  userId: string;
  role: Role;
  joinedAt: string;
};

/** Any member reads a space, its notes and its comments. */
export function canRead(role: Role): boolean {
  return role === 'OWNER' || role === 'EDITOR' || role === 'VIEWER';
}

/** EDITOR and OWNER write notes and comments. */
export function canWrite(role: Role): boolean {
  return role === 'OWNER' || role === 'EDITOR';
}

/** Only the OWNER adds, changes and removes members. */
export function canManageMembers(role: Role): boolean {
  return role === 'OWNER';
}

/**
 * One user's membership of a space. Read consistently: an authorization check must see a removal
 * or role change made a moment ago.
 */
export function getMembershipRequest(spaceId: string, userId: string): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ spaceId, userId }), consistentRead: true };
}

/**
 * The response of an authorize step (a GetItem of the caller's membership): the membership, with
 * its role in ctx.stash.role for the later steps. A non-member, or a role that `allowed` refuses,
 * is Unauthorized, as AppSync's own authorization errors are.
 */
export function requireMembership(ctx: Context, allowed: (role: Role) => boolean): MembershipItem {
  raiseDataSourceError(ctx);
  const membership = ctx.result as MembershipItem | null;
  if (!membership || !allowed(membership.role)) {
    util.unauthorized();
  }
  ctx.stash.role = membership.role;
  return membership;
}
