// GET|POST /{index}/_search: query, sort, search_after, from/size, _source, highlight, track_total_hits.
import { badRequest, unsupported } from '../errors';
import { compileQuery } from '../query/compile-query';
import { highlightHit, parseHighlight } from '../query/highlight';
import { compareSortValues, parseSearchAfter, parseSort, sortValues, type SortValue } from '../query/sort';
import { parseSourceFilter } from '../query/source-filter';
import type { HighlightTerms } from '../query/types';
import { jsonBody, type Action } from '../request';
import type { StoredDocument } from '../search-index';

const BODY_KEYS = ['query', 'size', 'from', 'sort', 'search_after', '_source', 'highlight', 'track_total_hits', 'track_scores', 'timeout'];

/** Scores as OpenSearch prints them: 32-bit floats, in their shortest decimal form. */
export function float32(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits < 10; digits += 1) {
    const shortest = Number(single.toPrecision(digits));
    if (Math.fround(shortest) === single) return shortest;
  }
  return single;
}

function count(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === null) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw badRequest(`[${name}] parameter cannot be negative, found [${String(value)}]`);
  return number;
}

function totalHitsThreshold(value: unknown): number | 'exact' | 'none' {
  if (value === undefined || value === null) return 10_000;
  if (value === true || value === 'true') return 'exact';
  if (value === false || value === 'false') return 'none';
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw badRequest(`[track_total_hits] parameter must be positive or equals to -1, got ${String(value)}`);
  return number;
}

function searchTarget(name: string): string {
  if (/[*,]/.test(name) || name === '_all') throw unsupported(`searching several indices [${name}]: name one index`);
  return name;
}

export const search: Action = (request) => {
  const started = Date.now();
  const body = jsonBody(request) ?? {};
  const other = Object.keys(body).find((key) => !BODY_KEYS.includes(key));
  if (other !== undefined) throw unsupported(`[${other}] in a search request`);
  const index = request.cluster.get(searchTarget(request.params.index));
  const size = count(request.query.get('size') ?? body.size, 10, 'size');
  const from = count(request.query.get('from') ?? body.from, 0, 'from');
  if (from + size > index.settings.maxResultWindow) {
    throw badRequest(
      `Result window is too large, from + size must be less than or equal to: [${index.settings.maxResultWindow}] but was [${from + size}]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting.`,
    );
  }
  const highlights: HighlightTerms = new Map();
  const query = compileQuery(body.query ?? { match_all: {} }, { index, now: request.now, highlights });
  const plan = parseSort(body.sort, index);
  const after = body.search_after === undefined ? undefined : parseSearchAfter(body.search_after, plan);
  if (after && from > 0) throw badRequest('[from] parameter must be set to 0 when [search_after] is used');
  const highlight = parseHighlight(body.highlight);
  const sourceFilter = parseSourceFilter(body._source);
  const threshold = totalHitsThreshold(request.query.get('track_total_hits') ?? body.track_total_hits);
  const scoring = plan.sortsOnScore || body.track_scores === true;
  // OpenSearch 2.x tracks max_score only when sorting by relevance alone (or asked to):
  // https://github.com/opensearch-project/OpenSearch/issues/18714
  const tracksMaxScore = plan.byScoreOnly || (plan.keys.length === 1 && plan.keys[0].field === '_score') || body.track_scores === true;

  const matches = query.run(scoring);
  let hits: { doc: StoredDocument; score: number; sort: SortValue[] }[] = [];
  let maxScore: number | null = null;
  for (const [id, score] of matches) {
    const doc = index.searchableDocument(id);
    if (!doc) continue;
    if (scoring) maxScore = Math.max(maxScore ?? score, score);
    hits.push({ doc, score, sort: sortValues(plan, doc, score) });
  }
  const total = hits.length;
  if (after) hits = hits.filter((hit) => compareSortValues(plan, hit.sort, after) > 0);
  // Ties go by index order, as Lucene's doc ids do: deterministic across identical requests.
  hits.sort((a, b) => compareSortValues(plan, a.sort, b.sort) || a.doc.seqNo - b.doc.seqNo);
  const page = hits.slice(from, from + size);

  const totalHits =
    threshold === 'none' ? undefined : threshold === 'exact' || total <= threshold ? { value: total, relation: 'eq' } : { value: threshold, relation: 'gte' };
  return {
    status: 200,
    body: {
      took: Date.now() - started,
      timed_out: false,
      _shards: { total: index.settings.numberOfShards, successful: index.settings.numberOfShards, skipped: 0, failed: 0 },
      hits: {
        ...(totalHits ? { total: totalHits } : {}),
        max_score: maxScore === null || page.length === 0 || !tracksMaxScore ? null : float32(maxScore),
        hits: page.map(({ doc, score, sort }) => {
          const highlighted = highlight ? highlightHit(highlight, index.mapping, highlights, doc.source) : undefined;
          return {
            _index: index.name,
            _id: doc.id,
            _score: scoring ? float32(score) : null,
            ...(sourceFilter === 'whole' ? { _source: doc.source } : sourceFilter ? { _source: sourceFilter(doc.source) } : {}),
            ...(highlighted ? { highlight: highlighted } : {}),
            ...(plan.byScoreOnly ? {} : { sort: sort.map((value, i) => (plan.keys[i].field === '_score' && typeof value === 'number' ? float32(value) : value)) }),
          };
        }),
      },
    },
  };
};
