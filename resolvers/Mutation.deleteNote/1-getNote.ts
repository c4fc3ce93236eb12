// @dataSource Notes
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationDeleteNoteArgs } from '../__generated__/schema-types';
import { getNoteRequest, requireNote, type NoteItem } from '../lib/note-item';

// The note's space decides who may delete it.
export function request(ctx: Context<MutationDeleteNoteArgs>): DynamoDBGetItemRequest {
  return getNoteRequest(ctx.args.input.id, true);
}

export function response(ctx: Context<MutationDeleteNoteArgs>): NoteItem {
  return requireNote(ctx);
}
