// The expired user's notes in spaces that live on keep their content but lose their author. Notes
// are a versioned data source (conflict detection and delta sync), so the change bumps `_version`
// and `_lastChangedAt` like any AppSync write: an offline client's next update at the old version
// is a conflict, and delta sync picks the change up from the record logged beside it.
import { GetItemCommand, TransactWriteItemsCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CleanupContext } from './cleanup-context';
import { ConcurrentChangeError } from './errors';
import { noteDeltaRecord } from './note-delta-record';
import { queryPages } from '../shared/query-pages';
import { cancellationCodes } from './sdk-errors';

const MAX_ATTEMPTS = 3;

/** Anonymises every note whose authorId is the user's (sparse `byAuthor` index); returns how many it changed. */
export async function anonymiseNotes(context: CleanupContext, userId: string): Promise<number> {
  let changed = 0;
  const authored = queryPages(context.dynamodb, {
    TableName: context.config.notesTable,
    IndexName: 'byAuthor',
    KeyConditionExpression: '#authorId = :authorId',
    ExpressionAttributeNames: { '#authorId': 'authorId', '#id': 'id' },
    ExpressionAttributeValues: { ':authorId': { S: userId } },
    ProjectionExpression: '#id',
  });
  for await (const { id } of authored) {
    if (await anonymiseNote(context, id, userId)) changed += 1;
  }
  return changed;
}

/** False when the note is gone or no longer the user's (the index lags behind, or a re-delivery). */
async function anonymiseNote(context: CleanupContext, id: AttributeValue, userId: string): Promise<boolean> {
  const { dynamodb, config } = context;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const { Item: note } = await dynamodb.send(new GetItemCommand({ TableName: config.notesTable, Key: { id }, ConsistentRead: true }));
    if (note === undefined || note.authorId?.S !== userId) return false;
    const version = Number(note._version?.N ?? '0');
    const changedAt = context.now();
    const kept = Object.fromEntries(Object.entries(note).filter(([name]) => name !== 'authorId'));
    const after = { ...kept, _version: { N: String(version + 1) }, _lastChangedAt: { N: String(changedAt.getTime()) } };
    try {
      // One transaction, so the note never changes without its delta record (or the reverse).
      await dynamodb.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            {
              Update: {
                TableName: config.notesTable,
                Key: { id },
                UpdateExpression: 'REMOVE #authorId SET #version = :next, #lastChangedAt = :now',
                ConditionExpression: '#version = :read AND #authorId = :authorId',
                ExpressionAttributeNames: { '#authorId': 'authorId', '#version': '_version', '#lastChangedAt': '_lastChangedAt' },
                ExpressionAttributeValues: {
                  ':next': after._version,
                  ':now': after._lastChangedAt,
                  ':read': { N: String(version) },
                  ':authorId': { S: userId },
                },
              },
            },
            { Put: { TableName: config.notesDeltaSyncTable, Item: noteDeltaRecord(config.notesTable, config.notesDeltaSyncTtlMinutes, after, changedAt) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      // An edit landed between the read and the write: read the note again.
      if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
    }
  }
  throw new ConcurrentChangeError(`Note ${id.S ?? ''} changed on each of ${MAX_ATTEMPTS} attempts to anonymise it.`);
}
