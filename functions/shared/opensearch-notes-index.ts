// The notes index: its settings and mappings, the document the indexer writes, and creating the
// index on first use. The searchNotes function reads the same documents, so both sides share this file.
import type { Client } from '@opensearch-project/opensearch';

/** The index both functions use. */
export const NOTES_INDEX = 'notes';

/** A checklist entry as the Notes table stores it. */
export interface NoteChecklistItem {
  readonly id: string;
  readonly text: string;
  readonly done: boolean;
}

/**
 * A note as the index holds it: every field of the GraphQL `Note` a hit returns, so searchNotes
 * answers from the index alone (no read of the Notes table, no grant on it). `_version` is kept as
 * `version` and `_lastChangedAt` as `lastChangedAt`: `_version` is an OpenSearch metadata field,
 * which a document may not carry.
 */
export interface NoteDocument {
  readonly id: string;
  readonly spaceId: string;
  readonly authorId: string | null;
  readonly title: string;
  readonly body: string | null;
  readonly checklist: readonly NoteChecklistItem[];
  readonly tags: readonly string[];
  readonly links: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
  readonly lastChangedAt: number;
}

/** The analyzer of the note text fields. */
export const NOTE_TEXT_ANALYZER = 'note_text';

/**
 * One shard and no replica: the dev domain has one data node, where a replica could never be
 * assigned (the cluster would stay yellow). Text is lower-cased and folded to ASCII, so "Café"
 * matches "cafe"; tags are exact keywords, because they are filtered on as whole values.
 * `dynamic: strict` rejects a document with a field this mapping does not know, rather than
 * letting OpenSearch guess its type.
 */
export const NOTES_INDEX_DEFINITION = {
  settings: {
    index: { number_of_shards: 1, number_of_replicas: 0 },
    analysis: {
      analyzer: {
        [NOTE_TEXT_ANALYZER]: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
      },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      spaceId: { type: 'keyword' },
      authorId: { type: 'keyword' },
      title: { type: 'text', analyzer: NOTE_TEXT_ANALYZER },
      body: { type: 'text', analyzer: NOTE_TEXT_ANALYZER },
      tags: { type: 'keyword' },
      // Returned with a hit, never searched.
      checklist: { type: 'object', enabled: false },
      links: { type: 'keyword', index: false },
      createdAt: { type: 'date' },
      updatedAt: { type: 'date' },
      version: { type: 'long', index: false },
      lastChangedAt: { type: 'long', index: false },
    },
  },
} as const;

/** The index could not be created or checked. */
export class NotesIndexError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NotesIndexError';
  }
}

/**
 * Creates the notes index if it does not exist. Two function instances may race to create it:
 * the loser's `resource_already_exists_exception` means the index is there, which is all it wanted.
 */
export async function ensureNotesIndex(client: Client): Promise<'created' | 'exists'> {
  const exists = await client.indices.exists({ index: NOTES_INDEX });
  if (exists.body === true) return 'exists';
  try {
    await client.indices.create({ index: NOTES_INDEX, body: NOTES_INDEX_DEFINITION as never });
    return 'created';
  } catch (error) {
    if (errorType(error) === 'resource_already_exists_exception') return 'exists';
    throw new NotesIndexError(`Could not create the ${NOTES_INDEX} index.`, { cause: error });
  }
}

/** The OpenSearch error type of a failed request (`error.type` in its body), if it has one. */
export function errorType(error: unknown): string | undefined {
  const body = (error as { meta?: { body?: { error?: { type?: unknown } } } } | null)?.meta?.body;
  const type = body?.error?.type;
  return typeof type === 'string' ? type : undefined;
}
