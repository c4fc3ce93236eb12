// What a batch of Notes stream records asks of the index: for each note, the last thing that
// happened to it. Every action overwrites the whole document or removes it, so only the last one per
// note matters, and applying it again (a retried batch) gives the same index.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { NoteDocument } from '../shared/opensearch-notes-index';
import { MalformedNoteRecordError } from './errors';
import { toNoteDocument } from './note-document';

export type IndexAction = { readonly kind: 'index'; readonly document: NoteDocument } | { readonly kind: 'delete'; readonly id: string };

/** The last action for one note, and the sequence numbers of every record of the batch that led to it. */
export interface NoteAction {
  readonly noteId: string;
  readonly action: IndexAction;
  readonly sequenceNumbers: readonly string[];
}

export interface PlannedBatch {
  readonly actions: readonly NoteAction[];
  /** Records that cannot be indexed, with why. */
  readonly malformed: readonly { readonly sequenceNumber: string; readonly error: MalformedNoteRecordError }[];
}

/** The index actions of a batch, in the order their notes last changed. `nowSeconds` decides what has expired. */
export function planBatch(records: readonly DynamoDBRecord[], nowSeconds: number): PlannedBatch {
  const byNote = new Map<string, NoteAction>();
  const malformed: { sequenceNumber: string; error: MalformedNoteRecordError }[] = [];
  for (const record of records) {
    const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
    try {
      const action = actionOf(record, nowSeconds);
      const noteId = action.kind === 'index' ? action.document.id : action.id;
      const previous = byNote.get(noteId);
      byNote.delete(noteId);
      byNote.set(noteId, { noteId, action, sequenceNumbers: [...(previous?.sequenceNumbers ?? []), sequenceNumber] });
    } catch (error) {
      if (!(error instanceof MalformedNoteRecordError)) throw error;
      malformed.push({ sequenceNumber, error });
    }
  }
  return { actions: [...byNote.values()], malformed };
}

/**
 * INSERT and MODIFY index the new image, unless it is a delete tombstone (`_deleted`, which the
 * versioned data source keeps for delta sync) or expired; REMOVE (a TTL deletion included) deletes.
 */
export function actionOf(record: DynamoDBRecord, nowSeconds: number): IndexAction {
  const { eventName } = record;
  if (eventName === 'REMOVE') return { kind: 'delete', id: noteId(image(record.dynamodb?.Keys) ?? image(record.dynamodb?.OldImage)) };
  if (eventName !== 'INSERT' && eventName !== 'MODIFY') throw new MalformedNoteRecordError(`Unknown stream event ${String(eventName)}.`);
  const item = image(record.dynamodb?.NewImage);
  if (item === undefined) throw new MalformedNoteRecordError(`A ${eventName} record has no NewImage; the stream must carry new images.`);
  if (item._deleted === true || isExpired(item._ttl, nowSeconds)) return { kind: 'delete', id: noteId(item) };
  return { kind: 'index', document: toNoteDocument(item) };
}

function image(attributes: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  // The Lambda event's AttributeValue type and the SDK's differ only in nominal details.
  return attributes === undefined ? undefined : unmarshall(attributes as Record<string, AttributeValue>);
}

function noteId(item: Record<string, unknown> | undefined): string {
  const id = item?.id;
  if (typeof id !== 'string' || id === '') throw new MalformedNoteRecordError('A record has no note id.');
  return id;
}

function isExpired(ttl: unknown, nowSeconds: number): boolean {
  return typeof ttl === 'number' && ttl <= nowSeconds;
}
