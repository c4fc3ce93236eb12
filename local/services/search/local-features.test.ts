// Local-only behaviour of features a real OpenSearch has too, where the exact output depends on
// details this service approximates (passage splitting, fuzzy matching, `now`): pinned here
// against this service only, with the approximation named in each test.
import { localTarget, type RunningTarget } from './testing/contract-targets';

const NOW = Date.parse('2024-03-10T12:00:00Z');

describe('local search service: highlight fragments, fuzziness, date math', () => {
  let running: RunningTarget;
  beforeAll(async () => {
    running = await localTarget({ now: () => NOW }).start();
    await running.client.indices.create({
      index: 'notes',
      body: { mappings: { properties: { title: { type: 'text' }, body: { type: 'text' }, updatedAt: { type: 'date' } } } },
    });
    const body =
      'We walked along the north bank before sunrise. Mist covered the water and nothing moved. ' +
      'Near the weir a grey heron waited, perfectly still, for almost an hour. ' +
      'Later the wind rose and we turned back towards the village. ' +
      'On the way home a second heron flew low over the reeds.';
    await running.client.bulk({
      refresh: true,
      body: [
        { index: { _index: 'notes', _id: 'long' } },
        { title: 'Morning walk', body, updatedAt: '2024-03-09T08:00:00Z' },
        { index: { _index: 'notes', _id: 'old' } },
        { title: 'Herons in winter', body: 'Three herons roosted in the alders.', updatedAt: '2024-01-15T08:00:00Z' },
      ],
    });
  });
  afterAll(async () => {
    await running.stop();
  });

  const ids = (response: { body: { hits: { hits: readonly { _id?: string; highlight?: unknown }[] } } }) => response.body.hits.hits.map((hit) => [hit._id, hit.highlight]);

  it('splits a long field into sentence passages of about fragment_size and keeps the best ones in text order', async () => {
    const response = await running.client.search({
      index: 'notes',
      body: { query: { match: { body: 'heron weir' } }, highlight: { fields: { body: { fragment_size: 80, number_of_fragments: 2 } } }, _source: false },
    });
    expect(ids(response)).toEqual([
      [
        'long',
        {
          body: ['Near the <em>weir</em> a grey <em>heron</em> waited, perfectly still, for almost an hour.', 'On the way home a second <em>heron</em> flew low over the reeds.'],
        },
      ],
    ]);
  });

  it('highlights the whole value with number_of_fragments 0', async () => {
    const response = await running.client.search({
      index: 'notes',
      body: { query: { match: { title: 'walk' } }, highlight: { fields: { title: { number_of_fragments: 0 } } }, _source: false },
    });
    expect(ids(response)).toEqual([['long', { title: ['Morning <em>walk</em>'] }]]);
  });

  it('matches within the AUTO edit distance (Levenshtein: a transposition counts two edits here, one in Lucene)', async () => {
    const response = await running.client.search({
      index: 'notes',
      body: { query: { match: { title: { query: 'herrons', fuzziness: 'AUTO' } } }, highlight: { fields: { title: {} } }, _source: false },
    });
    expect(ids(response)).toEqual([['old', { title: ['<em>Herons</em> in winter'] }]]);
  });

  it('resolves now-based range bounds against the injected clock', async () => {
    const response = await running.client.search({ index: 'notes', body: { query: { range: { updatedAt: { gte: 'now-7d' } } }, _source: false } });
    expect(ids(response)).toEqual([['long', undefined]]);
  });
});
