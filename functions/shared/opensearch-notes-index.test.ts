import { ensureNotesIndex, NOTES_INDEX, NOTES_INDEX_DEFINITION } from './opensearch-notes-index';
import { useSearchService } from './opensearch-testing';

const search = useSearchService();

describe('ensureNotesIndex', () => {
  it('creates the index with its mappings once, even when two instances race to create it', async () => {
    const outcomes = await Promise.all([ensureNotesIndex(search.client()), ensureNotesIndex(search.client())]);
    expect(outcomes.sort()).toEqual(['created', 'exists']);
    expect(await ensureNotesIndex(search.client())).toBe('exists');
    const mapping = await search.client().indices.getMapping({ index: NOTES_INDEX });
    expect(mapping.body).toEqual({ [NOTES_INDEX]: { mappings: NOTES_INDEX_DEFINITION.mappings } });
  });
});
