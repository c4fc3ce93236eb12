// _search through the official client, against every target: relevance (BM25), filters, highlight,
// sort and search_after paging. Scores are Lucene's BM25 (k1 1.2, b 0.75); they are compared to
// 5 significant digits because Lucene computes them in 32-bit floats. The expected scores come from
// the formula: idf = ln(1 + (N - n + 0.5) / (n + 0.5)), times tf / (tf + 1.2 × (0.25 + 0.75 × dl / avgdl)).
// n1 and n3 tie on `body: heron` (same length, one occurrence): index order breaks the tie.
// https://docs.opensearch.org/latest/query-dsl/full-text/multi-match/ (best_fields, ^boost, operator),
// https://docs.opensearch.org/latest/query-dsl/compound/bool/ (must, filter, should, must_not),
// https://docs.opensearch.org/latest/search-plugins/searching-data/highlight/ (unified highlighter),
// https://docs.opensearch.org/latest/search-plugins/searching-data/paginate/ (search_after).
import { contractTargets, refusal, uniqueIndex, type RunningTarget } from './testing/contract-targets';

const MAPPINGS: { properties: Record<string, { type: 'text' | 'keyword' | 'date' }> } = {
  properties: {
    id: { type: 'keyword' },
    title: { type: 'text' },
    body: { type: 'text' },
    tags: { type: 'keyword' },
    spaceId: { type: 'keyword' },
    updatedAt: { type: 'date' },
  },
};

// No field repeats a word: Lucene counts every token in a field's length, MiniSearch distinct ones.
const NOTES = [
  { id: 'n1', title: 'Heron at dawn', body: 'A grey heron stood by the river at dawn.', tags: ['birds', 'river'], spaceId: 's1', updatedAt: '2024-03-01T08:00:00Z' },
  { id: 'n2', title: 'River survey', body: 'Water levels on the river were high after rain.', tags: ['river'], spaceId: 's1', updatedAt: '2024-03-02T08:00:00Z' },
  { id: 'n3', title: 'Egret sighting', body: 'An egret and a heron fished together in shallows.', tags: ['birds'], spaceId: 's1', updatedAt: '2024-03-03T08:00:00Z' },
  { id: 'n4', title: 'Heron nest', body: 'A heron colony nests in old oaks near twelve ponds.', tags: ['birds', 'nests'], spaceId: 's2', updatedAt: '2024-03-04T08:00:00Z' },
  { id: 'n5', title: 'Moss on stones', body: 'Moss covers stones along the path.', tags: ['plants'], spaceId: 's1', updatedAt: '2024-03-02T08:00:00Z' },
];

type Hit = { _index: string; _id: string; _score: number | null; _source?: unknown; highlight?: unknown; sort?: unknown[] };
type Hits = { total?: { value: number; relation: string }; max_score: number | null; hits: Hit[] };

const round = (score: number | null) => (score === null ? null : Number(score.toPrecision(5)));

describe.each(contractTargets(process.env.OPENSEARCH_URL))('$name', (target) => {
  let running: RunningTarget;
  let index: string;
  beforeAll(async () => {
    running = await target.start();
    index = uniqueIndex('search');
    await running.client.indices.create({ index, body: { settings: { number_of_shards: 1, number_of_replicas: 0 }, mappings: MAPPINGS } });
    await running.client.bulk({ refresh: true, body: NOTES.flatMap((note) => [{ index: { _index: index, _id: note.id } }, note]) });
  });
  afterAll(async () => {
    await running.client.indices.delete({ index });
    await running.stop();
  });

  /** The whole response, with `took` (a duration) set aside and scores rounded. */
  const search = async (body: Record<string, unknown>) => {
    const response = (await running.client.search({ index, body })).body as { took: number; hits: Hits };
    return {
      ...response,
      took: 'measured',
      hits: { ...response.hits, max_score: round(response.hits.max_score), hits: response.hits.hits.map((hit) => ({ ...hit, _score: round(hit._score) })) },
    };
  };
  const envelope = (hits: Hits) => ({ took: 'measured', timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits });
  const note = (id: string) => NOTES.find((candidate) => candidate.id === id);
  const hit = (id: string, score: number | null, extra: Partial<Hit> = {}): Hit => ({ _index: index, _id: id, _score: score, _source: note(id), ...extra });

  it('ranks by BM25 across boosted fields (best_fields) inside a space filter', async () => {
    expect(
      await search({ query: { bool: { must: { multi_match: { query: 'heron river', fields: ['title^2', 'body'] } }, filter: { term: { spaceId: 's1' } } } } }),
    ).toEqual(
      envelope({
        total: { value: 3, relation: 'eq' },
        max_score: 1.3525,
        hits: [hit('n2', 1.3525), hit('n1', 0.72204), hit('n3', 0.24042)],
      }),
    );
  });

  it('requires every term in one field with operator and', async () => {
    expect(await search({ query: { multi_match: { query: 'heron river', fields: ['title', 'body'], operator: 'and' } }, _source: false })).toEqual(
      envelope({ total: { value: 1, relation: 'eq' }, max_score: 0.63093, hits: [{ _index: index, _id: 'n1', _score: 0.63093 }] }),
    );
  });

  it('applies should with minimum_should_match, terms, range on dates and must_not', async () => {
    expect(
      await search({ query: { bool: { should: [{ match: { body: 'heron' } }, { match: { body: 'river' } }, { match: { body: 'egret' } }], minimum_should_match: 2 } }, _source: ['id'] }),
    ).toEqual(
      envelope({
        total: { value: 2, relation: 'eq' },
        max_score: 0.85879,
        hits: [
          { _index: index, _id: 'n3', _score: 0.85879, _source: { id: 'n3' } },
          { _index: index, _id: 'n1', _score: 0.63093, _source: { id: 'n1' } },
        ],
      }),
    );
    expect(
      await search({
        query: { bool: { filter: [{ terms: { tags: ['birds', 'plants'] } }, { range: { updatedAt: { gte: '2024-03-02', lt: '2024-03-04T00:00:00Z' } } }], must_not: { term: { id: 'n5' } } } },
        _source: false,
      }),
    ).toEqual(envelope({ total: { value: 1, relation: 'eq' }, max_score: 0, hits: [{ _index: index, _id: 'n3', _score: 0 }] }));
  });

  it('highlights the matched terms with the given tags, in the queried fields only', async () => {
    expect(
      await search({
        query: { bool: { must: { multi_match: { query: 'heron', fields: ['title', 'body'] } }, filter: { term: { spaceId: 's1' } } } },
        highlight: { pre_tags: ['<mark>'], post_tags: ['</mark>'], fields: { title: {}, body: {}, tags: {} } },
        _source: false,
      }),
    ).toEqual(
      envelope({
        total: { value: 2, relation: 'eq' },
        max_score: 0.36102,
        hits: [
          { _index: index, _id: 'n1', _score: 0.36102, highlight: { title: ['<mark>Heron</mark> at dawn'], body: ['A grey <mark>heron</mark> stood by the river at dawn.'] } },
          { _index: index, _id: 'n3', _score: 0.24042, highlight: { body: ['An egret and a <mark>heron</mark> fished together in shallows.'] } },
        ],
      }),
    );
  });

  it('sorts by a date then a keyword, with sort values, and pages with search_after', async () => {
    const sort = [{ updatedAt: 'desc' }, { id: 'asc' }];
    const first = await search({ query: { match_all: {} }, sort, size: 2, _source: false });
    const sorted = (id: string, at: string): Hit => ({ _index: index, _id: id, _score: null, sort: [Date.parse(at), id] });
    expect(first).toEqual(
      envelope({ total: { value: 5, relation: 'eq' }, max_score: null, hits: [sorted('n4', '2024-03-04T08:00:00Z'), sorted('n3', '2024-03-03T08:00:00Z')] }),
    );
    const second = await search({ query: { match_all: {} }, sort, size: 2, _source: false, search_after: first.hits.hits[1].sort });
    expect(second).toEqual(
      envelope({ total: { value: 5, relation: 'eq' }, max_score: null, hits: [sorted('n2', '2024-03-02T08:00:00Z'), sorted('n5', '2024-03-02T08:00:00Z')] }),
    );
    const third = await search({ query: { match_all: {} }, sort, size: 2, _source: false, search_after: second.hits.hits[1].sort });
    expect(third).toEqual(envelope({ total: { value: 5, relation: 'eq' }, max_score: null, hits: [sorted('n1', '2024-03-01T08:00:00Z')] }));
  });

  it('pages by score then date then id with search_after, as searchNotes does, in the same order as one page', async () => {
    const base = { query: { multi_match: { query: 'heron river dawn', fields: ['title^3', 'body'] } }, sort: [{ _score: 'desc' }, { updatedAt: 'desc' }, { id: 'asc' }], _source: false };
    const whole = await search({ ...base, size: 10 });
    const pages: Hit[] = [];
    let after: unknown[] | undefined;
    for (let page = 0; page < 5; page += 1) {
      const response = await search({ ...base, size: 1, ...(after ? { search_after: after } : {}) });
      if (response.hits.hits.length === 0) break;
      pages.push(...response.hits.hits);
      after = response.hits.hits[0].sort;
    }
    expect(pages.map((hit) => hit._id)).toEqual(['n1', 'n2', 'n4', 'n3']);
    expect(pages).toEqual(whole.hits.hits);
    // With a field after _score, OpenSearch 2.x leaves max_score null
    // (https://github.com/opensearch-project/OpenSearch/issues/18714).
    expect({ ...whole, hits: { ...whole.hits, hits: [] } }).toEqual(envelope({ total: { value: 4, relation: 'eq' }, max_score: null, hits: [] }));
  });

  it('pages with from and size, and reports totals as track_total_hits asks', async () => {
    const query = { match: { body: 'heron' } };
    expect(await search({ query, from: 1, size: 1, _source: false, track_total_hits: false })).toEqual(
      envelope({ max_score: 0.24042, hits: [{ _index: index, _id: 'n3', _score: 0.24042 }] }),
    );
    expect(await search({ query, size: 0, track_total_hits: 2 })).toEqual(envelope({ total: { value: 2, relation: 'gte' }, max_score: null, hits: [] }));
  });

  it('refuses an unknown query type with a parsing_exception', async () => {
    const refused = (await refusal(running.client.search({ index, body: { query: { frobnicate: {} } } as Record<string, unknown> }))) as { status: number; body: { error: { type: string; reason: string } } };
    expect({ status: refused.status, type: refused.body.error.type, reason: refused.body.error.reason }).toEqual({ status: 400, type: 'parsing_exception', reason: 'unknown query [frobnicate]' });
  });

  it('answers 404 for a search on a missing index', async () => {
    const missing = uniqueIndex('missing');
    const cause = { type: 'index_not_found_exception', reason: `no such index [${missing}]`, index: missing, 'resource.id': missing, 'resource.type': 'index_or_alias', index_uuid: '_na_' };
    expect(await refusal(running.client.search({ index: missing, body: {} }))).toEqual({ status: 404, body: { error: { root_cause: [cause], ...cause }, status: 404 } });
  });
});
