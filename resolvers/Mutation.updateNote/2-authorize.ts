// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { callerId } from '../lib/identity';
import { canWrite, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';
import type { NoteItem } from '../lib/note-item';

// EDITOR and OWNER of the note's space change its notes.
export function request(ctx: Context): DynamoDBGetItemRequest {
  return getMembershipRequest((ctx.stash.note as NoteItem).spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canWrite);
}
