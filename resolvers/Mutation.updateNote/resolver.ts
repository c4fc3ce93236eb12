import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateNoteArgs, Note } from '../__generated__/schema-types';
import { noteChanges } from '../lib/note-input';

// Validates the changes before anything is read or written; the functions work from ctx.stash.changes.
export function request(ctx: Context<MutationUpdateNoteArgs>): Record<string, never> {
  ctx.stash.changes = noteChanges(ctx.args.input);
  return {};
}

export function response(ctx: Context): Note {
  return ctx.prev.result;
}
