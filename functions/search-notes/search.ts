// One search request to the notes index.
import type { Client } from '@opensearch-project/opensearch';
import { errorType, NOTES_INDEX } from '../shared/opensearch-notes-index';
import { SearchUnavailableError } from './errors';
import type { NoteHit } from './query';

/** The hits of a search body; none when the index does not exist yet (no note was ever indexed). */
export async function searchNotesIndex(client: Client, body: Record<string, unknown>): Promise<NoteHit[]> {
  try {
    const response = await client.search({ index: NOTES_INDEX, body: body as never });
    return (response.body as unknown as { hits: { hits: NoteHit[] } }).hits.hits;
  } catch (cause) {
    if (errorType(cause) === 'index_not_found_exception') return [];
    throw new SearchUnavailableError('Search is unavailable right now; try again.', { cause });
  }
}
