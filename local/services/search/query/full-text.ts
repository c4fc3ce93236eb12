// match and multi_match: analyzed text against text fields, scored BM25 by the engine. On a
// keyword, date, number or boolean field they match the exact value, as OpenSearch does.
import { parsingError, unsupported } from '../errors';
import type { IndexedField } from '../mapping';
import type { Matches, TextSearch, Within } from '../search-index';
import { queryValue, valueMatches } from './field-values';
import { boostOf, clauseObject, fuzzinessOf, isObject, minimumShouldMatchOf, onlyOptions, operatorOf, singleField, type Json } from './options';
import { recordTerms, type CompiledQuery, type QueryContext } from './types';

const MATCH_OPTIONS = ['query', 'operator', 'boost', 'fuzziness', 'minimum_should_match', 'zero_terms_query'];
const MULTI_MATCH_OPTIONS = [...MATCH_OPTIONS, 'fields', 'type', 'tie_breaker'];

function queryText(body: Json, query: string): string {
  const text = body.query;
  if (typeof text === 'string') return text;
  if (typeof text === 'number' || typeof text === 'boolean') return String(text);
  throw parsingError(`[${query}] requires query value`);
}

function textSearch(body: Json, query: string): TextSearch {
  if (body.zero_terms_query !== undefined && String(body.zero_terms_query).toLowerCase() !== 'none') throw unsupported(`zero_terms_query [${String(body.zero_terms_query)}] of [${query}]`);
  return {
    text: queryText(body, query),
    operator: operatorOf(body.operator, query),
    fuzziness: fuzzinessOf(body.fuzziness, query),
    minimumShouldMatch: minimumShouldMatchOf(body.minimum_should_match, query),
  };
}

/** One field's scores for the search; records the terms it looks for, for highlighting. */
function fieldMatcher(field: IndexedField, search: TextSearch, context: QueryContext, query: string): (scoring: boolean, within?: Within) => Matches {
  if (field.kind === 'text') {
    recordTerms(context, field, field.searchAnalyzer(search.text).map((token) => token.term), search.fuzziness);
    return (_scoring, within) => context.index.searchText(field, search, within);
  }
  if (search.fuzziness) throw unsupported(`fuzziness of [${query}] on ${field.type} field [${field.path}]`);
  const value = queryValue(field, search.text);
  recordTerms(context, field, [String(value)]);
  return (scoring) => valueMatches(context.index, field, [value], scoring ? 1 : 0);
}

export function compileMatch(raw: unknown, context: QueryContext): CompiledQuery {
  const [path, spec] = singleField(clauseObject(raw, 'match'), 'match');
  const body = isObject(spec) ? spec : { query: spec };
  onlyOptions(body, MATCH_OPTIONS, 'match');
  const boost = boostOf(body, 'match');
  const search = textSearch(body, 'match');
  const field = context.index.mapping.field(path);
  if (!field) return { run: () => new Map() };
  const matcher = fieldMatcher(field, search, context, 'match');
  return {
    run: (scoring, within) => {
      const matches = matcher(scoring, within);
      for (const [id, score] of matches) matches.set(id, scoring ? score * boost : 0);
      return matches;
    },
  };
}

/** `title^3`, `body`, `tit*`: the fields and boosts of a multi_match. */
function boostedFields(value: unknown, context: QueryContext): { field: IndexedField; boost: number }[] {
  const specs = value === undefined ? ['*'] : Array.isArray(value) ? value : [value];
  const fields: { field: IndexedField; boost: number }[] = [];
  for (const spec of specs) {
    const match = /^([^^]+)(?:\^(\d+(?:\.\d+)?))?$/.exec(String(spec));
    if (!match) throw parsingError(`[multi_match] invalid field [${String(spec)}]`);
    const [, name, boost = '1'] = match;
    if (name.includes('*')) {
      const pattern = new RegExp(`^${name.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      // A wildcard reaches the text and keyword fields, as index.query.default_field `*` does.
      for (const field of context.index.mapping.fields()) {
        if (pattern.test(field.path) && (field.kind === 'text' || field.kind === 'keyword') && field.indexed) fields.push({ field, boost: Number(boost) });
      }
      continue;
    }
    const field = context.index.mapping.field(name);
    if (field) fields.push({ field, boost: Number(boost) });
  }
  return fields;
}

export function compileMultiMatch(raw: unknown, context: QueryContext): CompiledQuery {
  const body = clauseObject(raw, 'multi_match');
  onlyOptions(body, MULTI_MATCH_OPTIONS, 'multi_match');
  const type = String(body.type ?? 'best_fields');
  if (type !== 'best_fields' && type !== 'most_fields') throw unsupported(`[multi_match] type [${type}]: use best_fields or most_fields`);
  const tieBreaker = body.tie_breaker === undefined ? 0 : Number(body.tie_breaker);
  if (!Number.isFinite(tieBreaker)) throw parsingError(`[multi_match] tie_breaker must be a number`);
  const boost = boostOf(body, 'multi_match');
  const search = textSearch(body, 'multi_match');
  const matchers = boostedFields(body.fields, context).map(({ field, boost: fieldBoost }) => ({ run: fieldMatcher(field, search, context, 'multi_match'), boost: fieldBoost }));
  return {
    run: (scoring, within) => {
      // best_fields is a dis_max over per-field matches: the best field's score, plus tie_breaker × the others.
      const best = new Map<string, number>();
      const sum = new Map<string, number>();
      for (const matcher of matchers) {
        for (const [id, score] of matcher.run(scoring, within)) {
          const weighted = score * matcher.boost;
          best.set(id, Math.max(best.get(id) ?? 0, weighted));
          sum.set(id, (sum.get(id) ?? 0) + weighted);
        }
      }
      const matches: Matches = new Map();
      for (const [id, total] of sum) {
        const top = best.get(id) ?? 0;
        const score = type === 'most_fields' ? total : top + tieBreaker * (total - top);
        matches.set(id, scoring ? score * boost : 0);
      }
      return matches;
    },
  };
}
