// @dataSource Notes
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QueryNoteArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { getNoteRequest, type NoteItem } from '../lib/note-item';

export function request(ctx: Context<QueryNoteArgs>): DynamoDBGetItemRequest {
  return getNoteRequest(ctx.args.id, false);
}

// A deleted note is a tombstone kept for delta sync (syncNotes); to note(id) it is gone.
export function response(ctx: Context): NoteItem | null {
  raiseDataSourceError(ctx);
  const note = ctx.result as NoteItem | null;
  return note && !note._deleted ? note : null;
}
