// @dataSource Notes
import { util, type Context, type DynamoDBDeleteItemRequest } from '@aws-appsync/utils';
import type { MutationDeleteNoteArgs } from '../__generated__/schema-types';
import { rejectDeleted, writtenNote, type NoteItem } from '../lib/note-item';

// On the versioned data source a DeleteItem at the client's `_version` leaves a tombstone
// (`_deleted: true`, version + 1) that delta sync hands to other clients.
export function request(ctx: Context<MutationDeleteNoteArgs>): DynamoDBDeleteItemRequest {
  rejectDeleted(ctx.stash.note as NoteItem);
  return { operation: 'DeleteItem', key: util.dynamodb.toMapValues({ id: ctx.args.input.id }), _version: ctx.args.input._version };
}

export function response(ctx: Context<MutationDeleteNoteArgs>): NoteItem {
  return writtenNote(ctx);
}
