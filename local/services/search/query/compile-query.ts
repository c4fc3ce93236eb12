// The query DSL: each clause is checked when compiled (an unknown clause or option is a 400 before
// anything runs) and evaluated to the matching documents with Lucene-style scores.
import { parsingError, unsupported } from '../errors';
import type { Matches } from '../search-index';
import { compileMatch, compileMultiMatch } from './full-text';
import { boostOf, clauseObject, isObject, minimumShouldMatchOf, onlyOptions } from './options';
import { compileExists, compileIds, compileRange, compileTerm, compileTerms } from './term-level';
import type { CompiledQuery, QueryCompiler, QueryContext } from './types';

function compileMatchAll(raw: unknown, context: QueryContext): CompiledQuery {
  const body = clauseObject(raw, 'match_all');
  onlyOptions(body, ['boost'], 'match_all');
  const boost = boostOf(body, 'match_all');
  return { run: (scoring) => new Map(Array.from(context.index.searchableIds(), (id) => [id, scoring ? boost : 0])) };
}

function compileMatchNone(raw: unknown): CompiledQuery {
  onlyOptions(clauseObject(raw, 'match_none'), ['boost'], 'match_none');
  return { run: () => new Map() };
}

function clauses(value: unknown, occur: string): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  if (isObject(value)) return [value];
  throw parsingError(`[bool] query does not support [${occur}]`);
}

/** The documents every filter matched (and `within` allows). */
function allowedBy(filtered: readonly Matches[], within: ReadonlySet<string> | undefined): Set<string> {
  const smallest = filtered.reduce((best, next) => (next.size < best.size ? next : best));
  const allowed = new Set<string>();
  for (const id of smallest.keys()) {
    if ((!within || within.has(id)) && filtered.every((matches) => matches.has(id))) allowed.add(id);
  }
  return allowed;
}

/** Lucene's BooleanQuery: must and filter are required, must_not excludes, should adds score
 * and is required (at least one, or minimum_should_match) only when nothing else is. */
function compileBool(raw: unknown, context: QueryContext): CompiledQuery {
  const body = clauseObject(raw, 'bool');
  onlyOptions(body, ['must', 'filter', 'should', 'must_not', 'minimum_should_match', 'boost'], 'bool');
  const boost = boostOf(body, 'bool');
  const must = clauses(body.must, 'must').map((clause) => compileQuery(clause, context));
  const filter = clauses(body.filter, 'filter').map((clause) => compileQuery(clause, context));
  const should = clauses(body.should, 'should').map((clause) => compileQuery(clause, context));
  const mustNot = clauses(body.must_not, 'must_not').map((clause) => compileQuery(clause, { ...context, highlights: null }));
  const minimum = minimumShouldMatchOf(body.minimum_should_match, 'bool');
  const requiredShould = minimum ? minimum(should.length) : must.length + filter.length === 0 ? Math.min(1, should.length) : 0;
  const onlyNegative = must.length + filter.length + should.length === 0;
  return {
    run: (scoring, within) => {
      if (onlyNegative && mustNot.length === 0) return new Map(Array.from(context.index.searchableIds(), (id) => [id, scoring ? boost : 0]));
      // Filters first: what they allow bounds the scoring of every other clause.
      const filtered = filter.map((clause) => clause.run(false, within));
      const allowed = filtered.length === 0 ? within : allowedBy(filtered, within);
      const required = [...must.map((clause) => clause.run(scoring, allowed)), ...filtered];
      const optional = should.map((clause) => clause.run(scoring, required.length > 0 ? allowed : within));
      const excluded = mustNot.map((clause) => clause.run(false, allowed));
      let candidates: Iterable<string>;
      if (required.length > 0) candidates = required.reduce((smallest, next) => (next.size < smallest.size ? next : smallest)).keys();
      else if (optional.length > 0) candidates = new Set(optional.flatMap((matches) => [...matches.keys()]));
      else candidates = context.index.searchableIds();
      const result: Matches = new Map();
      for (const id of candidates) {
        if (within && !within.has(id)) continue;
        if (!required.every((matches) => matches.has(id))) continue;
        if (excluded.some((matches) => matches.has(id))) continue;
        let shouldCount = 0;
        let score = 0;
        for (const matches of optional) {
          const value = matches.get(id);
          if (value === undefined) continue;
          shouldCount += 1;
          score += value;
        }
        if (shouldCount < requiredShould) continue;
        for (const matches of required.slice(0, must.length)) score += matches.get(id) ?? 0;
        result.set(id, scoring ? score * boost : 0);
      }
      return result;
    },
  };
}

const COMPILERS: Readonly<Record<string, QueryCompiler>> = {
  bool: compileBool,
  match: compileMatch,
  multi_match: compileMultiMatch,
  term: compileTerm,
  terms: compileTerms,
  range: compileRange,
  exists: compileExists,
  ids: compileIds,
  match_all: compileMatchAll,
  match_none: compileMatchNone,
};

/** Queries OpenSearch has and this service does not: named as unsupported, not as unknown. */
const OPENSEARCH_QUERIES = new Set([
  'match_phrase', 'match_phrase_prefix', 'match_bool_prefix', 'query_string', 'simple_query_string', 'combined_fields', 'intervals', 'prefix',
  'wildcard', 'regexp', 'fuzzy', 'dis_max', 'constant_score', 'function_score', 'script_score', 'boosting', 'nested', 'has_child', 'has_parent',
  'geo_distance', 'geo_bounding_box', 'geo_shape', 'more_like_this', 'knn', 'neural', 'hybrid', 'script', 'percolate', 'distance_feature', 'rank_feature', 'terms_set', 'wrapper',
]);

export function compileQuery(raw: unknown, context: QueryContext): CompiledQuery {
  if (!isObject(raw)) throw parsingError('query malformed, must start with start_object');
  const names = Object.keys(raw);
  if (names.length !== 1) {
    throw parsingError(names.length === 0 ? 'query malformed, empty clause found' : `[${names[0]}] malformed query, expected [END_OBJECT] but found [FIELD_NAME]`);
  }
  const compiler = Object.hasOwn(COMPILERS, names[0]) ? COMPILERS[names[0]] : undefined;
  if (!compiler) throw OPENSEARCH_QUERIES.has(names[0]) ? unsupported(`query [${names[0]}]`) : parsingError(`unknown query [${names[0]}]`);
  return compiler(raw[names[0]], context);
}
