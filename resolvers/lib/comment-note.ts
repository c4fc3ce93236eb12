import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from './errors';

/** What the comment resolvers need of a Notes row: its space, and whether it is a tombstone. */
export type CommentedNote = { id: string; spaceId: string; _deleted?: boolean | null };

/** The note a comment belongs to, read consistently so a note created a moment ago is found. */
export function getNoteRequest(noteId: string): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ id: noteId }), consistentRead: true };
}

/**
 * The response of a get-note step. The Notes data source is versioned, so a deleted note stays as a
 * tombstone with `_deleted: true` until its TTL; it has no comments to read or add, like a missing one.
 */
export function requireLiveNote(ctx: Context, noteId: string): CommentedNote {
  raiseDataSourceError(ctx);
  const note = ctx.result as CommentedNote | null;
  if (!note || note._deleted) {
    util.error(`Note ${noteId} does not exist.`, 'NoteNotFound');
  }
  return note;
}
