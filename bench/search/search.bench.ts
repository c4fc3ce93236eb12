// The local search service with 100,000 notes: bulk indexing through the official client, then
// searchNotes' own queries (multi_match over title^3, body and tags, a spaceId filter, highlights),
// against MiniSearch called directly on the same corpus in the same run. The ratio is therefore
// "HTTP + query DSL + highlighting overhead × raw engine". Relevance: known-item probes (a note's
// three rarest words, searched across every space) must find that note in the top 3 for ≥ 95% of probes.
import { Client } from '@opensearch-project/opensearch';
import MiniSearch from 'minisearch';
import { AnalyzerRegistry } from '../../local/services/search/analysis';
import { startSearchService } from '../../local/services/search';
import { searchBody } from '../../functions/search-notes/query';
import { NOTES_INDEX, NOTES_INDEX_DEFINITION } from '../../functions/shared/opensearch-notes-index';
import { everydayQueries, generateCorpus, type BenchNote, type Probe } from './corpus';

const NOTES = 100_000;
const BULK_SIZE = 5000;
const QUERIES = 300;
const PROBES = 200;
const TARGET_PROBE_RECALL = 0.95;
const INDEX = NOTES_INDEX;
const LUCENE_BM25 = { k: 1.2, b: 0.75, d: 0 };


class BenchSearchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchSearchError';
  }
}

interface Latencies {
  p50: number;
  p99: number;
}

function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p99: at(0.99) };
}

async function indexThroughService(client: Client, notes: readonly BenchNote[]): Promise<number> {
  // The notes index exactly as the indexer creates it (functions/shared/opensearch-notes-index.ts).
  await client.indices.create({ index: INDEX, body: NOTES_INDEX_DEFINITION as never });
  const started = performance.now();
  for (let i = 0; i < notes.length; i += BULK_SIZE) {
    const response = await client.bulk({ body: notes.slice(i, i + BULK_SIZE).flatMap(({ id, ...note }) => [{ index: { _index: INDEX, _id: id } }, note]) });
    if (response.body.errors) throw new BenchSearchError(`bulk at ${i} had item errors`);
  }
  await client.indices.refresh({ index: INDEX });
  return performance.now() - started;
}

/** MiniSearch on the same notes, with the same analyzer and BM25 parameters, and ids by space. */
function rawEngine(notes: readonly BenchNote[]): { engine: MiniSearch<BenchNote>; bySpace: Map<string, Set<string>>; ms: number } {
  const standard = new AnalyzerRegistry(undefined).get('standard');
  const started = performance.now();
  const engine = new MiniSearch<BenchNote>({
    fields: ['title', 'body'],
    tokenize: (text) => standard(text).map((token) => token.term),
    processTerm: (term) => term,
    searchOptions: { boost: { title: 3 }, bm25: LUCENE_BM25 },
  });
  engine.addAll(notes);
  const ms = performance.now() - started;
  const bySpace = new Map<string, Set<string>>();
  for (const note of notes) bySpace.set(note.spaceId, (bySpace.get(note.spaceId) ?? new Set()).add(note.id));
  return { engine, bySpace, ms };
}

async function timeEach<T>(items: readonly T[], call: (item: T) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await call(item);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function run(): Promise<void> {
  const { notes, probes } = generateCorpus(NOTES);
  const queries = everydayQueries(notes, QUERIES);
  const probeList: Probe[] = probes(PROBES);

  const service = await startSearchService({ log: () => undefined, maxBodyBytes: 50 * 1024 * 1024 });
  const client = new Client({ node: service.url });
  const serviceIndexMs = await indexThroughService(client, notes);
  const raw = rawEngine(notes);
  const allSpaces = [...raw.bySpace.keys()];

  const serviceSearch = async ({ query, spaceId }: { query: string; spaceId?: string }) => {
    // searchNotes' own request body (functions/search-notes/query.ts): a page of 10 in the space, or
    // in every space for a probe, which is harder than one space.
    const request = { callerId: 'bench', query, spaceId, tags: [], limit: 9, after: undefined };
    const response = await client.search({ index: INDEX, body: searchBody(request, spaceId === undefined ? allSpaces : [spaceId]) });
    return response.body.hits.hits.map((hit) => hit._id);
  };
  // The engine at its best: only the space's notes are scored (as the service does with a filter).
  const rawSearch = ({ query, spaceId }: { query: string; spaceId?: string }) => {
    const inSpace = spaceId === undefined ? undefined : (raw.bySpace.get(spaceId) ?? new Set<string>());
    return raw.engine
      .search(query, { boostDocument: inSpace && ((id) => (inSpace.has(String(id)) ? 1 : 0)) })
      .slice(0, 10)
      .map((result) => String(result.id));
  };

  // Warm up both, then alternate in rounds so a burst of load from elsewhere lands on both.
  await timeEach(queries.slice(0, 30), serviceSearch);
  await timeEach(queries.slice(0, 30), rawSearch);
  const serviceSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    const slice = queries.slice(round * 100, round * 100 + 100);
    serviceSamples.push(...(await timeEach(slice, serviceSearch)));
    rawSamples.push(...(await timeEach(slice, rawSearch)));
  }

  let serviceFound = 0;
  let rawFound = 0;
  for (const { query, targetId } of probeList) {
    if ((await serviceSearch({ query })).slice(0, 3).includes(targetId)) serviceFound += 1;
    if (rawSearch({ query }).slice(0, 3).includes(targetId)) rawFound += 1;
  }
  await client.close();
  await service.stop();

  const s = latencies(serviceSamples);
  const r = latencies(rawSamples);
  const serviceRate = (NOTES * 1000) / serviceIndexMs;
  const rawRate = (NOTES * 1000) / raw.ms;
  const ms = (value: number) => `${value.toFixed(2).padStart(13)} ms`;
  const rate = (value: number) => `${Math.round(value).toLocaleString('en-US').padStart(10)} docs/s`;
  const share = (found: number) => `${((found * 100) / PROBES).toFixed(1).padStart(14)} %`;
  const line = (label: string, serviceValue: string, rawValue: string, ratio: string) => console.log(`  ${label.padEnd(18)}${serviceValue}${rawValue}   ${ratio}`);
  console.log(`Local search service, ${NOTES.toLocaleString('en-US')} notes; ${QUERIES} queries (searchNotes' own query: multi_match best_fields on title^3, body and tags, spaceId filter, sort, highlight)`);
  console.log("  raw MiniSearch: the same analyzer and BM25 parameters, fields summed, only the space's notes scored; no HTTP, DSL or highlight");
  console.log(`  ${''.padEnd(18)}${'service'.padStart(16)}${'raw MiniSearch'.padStart(16)}   ratio`);
  line('indexing', rate(serviceRate), rate(rawRate), `${(serviceRate / rawRate).toFixed(2)}×`);
  line('query p50', ms(s.p50), ms(r.p50), `${(s.p50 / r.p50).toFixed(2)}×`);
  line('query p99', ms(s.p99), ms(r.p99), `${(s.p99 / r.p99).toFixed(2)}×`);
  line('known item in top 3', share(serviceFound), share(rawFound), `${PROBES} probes over all spaces`);
  console.log(`  target ≥ ${TARGET_PROBE_RECALL * 100}% of known-item probes in the top 3: ${serviceFound / PROBES >= TARGET_PROBE_RECALL ? 'met' : 'MISSED'}`);
}
