// @dataSource Memberships
import { runtime, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryNoteArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import { canRead, getMembershipRequest, type MembershipItem } from '../lib/membership';
import type { NoteItem } from '../lib/note-item';

export function request(ctx: Context<QueryNoteArgs>): DynamoDBGetItemRequest {
  const note = ctx.prev.result as NoteItem | null;
  if (!note) {
    runtime.earlyReturn(null);
  }
  ctx.stash.note = note;
  return getMembershipRequest(note.spaceId, callerId(ctx));
}

// Null for a non-member, as for a note that does not exist: a caller cannot tell the two apart.
export function response(ctx: Context): NoteItem | null {
  raiseDataSourceError(ctx);
  const membership = ctx.result as MembershipItem | null;
  return membership && canRead(membership.role) ? ctx.stash.note : null;
}
