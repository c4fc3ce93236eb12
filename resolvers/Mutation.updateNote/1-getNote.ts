// @dataSource Notes
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationUpdateNoteArgs } from '../__generated__/schema-types';
import { getNoteRequest, requireNote, type NoteItem } from '../lib/note-item';

// The note's space decides who may change it.
export function request(ctx: Context<MutationUpdateNoteArgs>): DynamoDBGetItemRequest {
  return getNoteRequest(ctx.args.input.id, true);
}

export function response(ctx: Context<MutationUpdateNoteArgs>): NoteItem {
  return requireNote(ctx);
}
