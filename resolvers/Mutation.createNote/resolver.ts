import type { Context } from '@aws-appsync/utils';
import type { MutationCreateNoteArgs, Note } from '../__generated__/schema-types';
import { noteContent } from '../lib/note-input';

// Validates the input before anything is read or written; the functions work from ctx.stash.content.
export function request(ctx: Context<MutationCreateNoteArgs>): Record<string, never> {
  ctx.stash.content = noteContent(ctx.args.input);
  return {};
}

export function response(ctx: Context): Note {
  return ctx.prev.result;
}
