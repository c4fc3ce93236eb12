import { util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { ChecklistItem } from '../__generated__/schema-types';
import { raiseDataSourceError } from './errors';

/** A row of the Notes table (key `id`), with the metadata the versioned data source keeps. */
export type NoteItem = {
  id: string;
  spaceId: string;
  authorId: string | null;
  title: string;
  body?: string;
  checklist: ChecklistItem[];
  tags: string[];
  links: string[];
  createdAt: string;
  updatedAt: string;
  _version: number;
  _lastChangedAt: number;
  _deleted?: boolean;
};

/** One note; consistent when a write follows, so the version and space it sees are current. */
export function getNoteRequest(id: string, consistentRead: boolean): DynamoDBGetItemRequest {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ id }), consistentRead };
}

/**
 * The response of the GetItem a write starts with: the note, kept in ctx.stash.note for the
 * authorize and write steps. A note that never existed cannot be authorized, so it is NoteNotFound.
 */
export function requireNote(ctx: Context<{ input: { id: string } }>): NoteItem {
  raiseDataSourceError(ctx);
  const note = ctx.result as NoteItem | null;
  if (!note) {
    util.error(`Note ${ctx.args.input.id} does not exist.`, 'NoteNotFound');
  }
  ctx.stash.note = note;
  return note;
}

/**
 * A write to a note that was deleted meanwhile conflicts with the server's tombstone. Raised only
 * after authorization, because the error carries the note.
 */
export function rejectDeleted(note: NoteItem): void {
  if (note._deleted) {
    util.error('Conflict resolver rejects mutation.', 'ConflictUnhandled', note);
  }
}

/**
 * The response of an UpdateItem or DeleteItem sent with `_version`. A stale version is the
 * versioned data source's ConflictUnhandled, with the server's item in ctx.result; the client
 * needs that item to resolve the conflict, so it goes out as the error's `data`:
 * https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html
 */
export function writtenNote(ctx: Context<{ input: { id: string } }>): NoteItem {
  if (ctx.error) {
    if (ctx.error.type === 'ConflictUnhandled') {
      util.error(ctx.error.message, ctx.error.type, ctx.result);
    }
    if (ctx.error.type === 'DynamoDB:ConditionalCheckFailedException') {
      util.error(`Note ${ctx.args.input.id} does not exist.`, 'NoteNotFound');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  if (!ctx.result) {
    util.error(`Note ${ctx.args.input.id} does not exist.`, 'NoteNotFound');
  }
  return ctx.result;
}
