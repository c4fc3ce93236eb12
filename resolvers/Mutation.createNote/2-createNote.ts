// @dataSource Notes
import { util, type Context, type DynamoDBPutItemRequest } from '@aws-appsync/utils';
import type { MutationCreateNoteArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import type { NoteContent } from '../lib/note-input';
import type { NoteItem } from '../lib/note-item';

// A new note at version 1: the versioned data source adds _version and _lastChangedAt. An offline
// client may bring its own id; an id already taken is refused without revealing that note.
export function request(ctx: Context<MutationCreateNoteArgs>): DynamoDBPutItemRequest {
  const { spaceId } = ctx.args.input;
  const content = ctx.stash.content as NoteContent;
  const now = util.time.nowISO8601();
  ctx.stash.noteId = ctx.args.input.id || util.autoId();
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ id: ctx.stash.noteId }),
    attributeValues: util.dynamodb.toMapValues({ spaceId, authorId: callerId(ctx), ...content, createdAt: now, updatedAt: now }),
    condition: { expression: 'attribute_not_exists(#id)', expressionNames: { '#id': 'id' } },
  };
}

export function response(ctx: Context): NoteItem {
  if (ctx.error && (ctx.error.type === 'ConflictUnhandled' || ctx.error.type === 'DynamoDB:ConditionalCheckFailedException')) {
    util.error(`A note with id ${ctx.stash.noteId} already exists.`, 'NoteAlreadyExists');
  }
  raiseDataSourceError(ctx);
  return ctx.result;
}
