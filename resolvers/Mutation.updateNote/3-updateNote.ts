// @dataSource Notes
import { util, type Context, type DynamoDBUpdateItemRequest } from '@aws-appsync/utils';
import type { MutationUpdateNoteArgs } from '../__generated__/schema-types';
import type { NoteChanges } from '../lib/note-input';
import { rejectDeleted, writtenNote, type NoteItem } from '../lib/note-item';
import { noteUpdate } from '../lib/note-update';

// The versioned data source applies the change only at the `_version` the client read, and then
// bumps it; `attribute_exists` keeps a note removed meanwhile from being recreated as a fragment.
export function request(ctx: Context<MutationUpdateNoteArgs>): DynamoDBUpdateItemRequest {
  rejectDeleted(ctx.stash.note as NoteItem);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ id: ctx.args.input.id }),
    update: noteUpdate(ctx.stash.changes as NoteChanges, util.time.nowISO8601()),
    condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' } },
    _version: ctx.args.input._version,
  };
}

export function response(ctx: Context<MutationUpdateNoteArgs>): NoteItem {
  return writtenNote(ctx);
}
