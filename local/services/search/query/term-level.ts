// term, terms, range, exists, ids: exact values, not analyzed. Outside a filter they score a
// constant (the boost), except `term` on a text field, which scores BM25 like OpenSearch.
import { isDateMath, parseDateBound } from '../dates';
import { badRequest, parsingError, unsupported } from '../errors';
import type { FieldValue } from '../mapping';
import type { Matches } from '../search-index';
import { queryValue, scanMatches, valueMatches } from './field-values';
import { boostOf, clauseObject, isObject, onlyOptions, singleField } from './options';
import { recordTerms, type CompiledQuery, type QueryContext } from './types';

const scaled = (matches: Matches, scoring: boolean, boost: number): Matches => {
  if (scoring && boost !== 1) for (const [id, score] of matches) matches.set(id, score * boost);
  if (!scoring) for (const id of matches.keys()) matches.set(id, 0);
  return matches;
};

const idMatches = (context: QueryContext, ids: readonly unknown[], score: number): Matches =>
  new Map(ids.map(String).filter((id) => context.index.searchableDocument(id)).map((id) => [id, score]));

export function compileTerm(raw: unknown, context: QueryContext): CompiledQuery {
  const [path, spec] = singleField(clauseObject(raw, 'term'), 'term');
  const body = isObject(spec) ? spec : { value: spec };
  onlyOptions(body, ['value', 'boost', 'case_insensitive'], 'term');
  if (body.case_insensitive === true) throw unsupported('option [case_insensitive] of [term] queries');
  if (body.value === undefined || body.value === null) throw parsingError(`[term] query requires a value for field [${path}]`);
  const boost = boostOf(body, 'term');
  if (path === '_id') return { run: () => idMatches(context, [body.value], boost) };
  const field = context.index.mapping.field(path);
  if (!field) return { run: () => new Map() };
  const value = queryValue(field, body.value);
  recordTerms(context, field, [String(value)]);
  if (field.kind === 'text') {
    return { run: (scoring, within) => scaled(context.index.searchText(field, { text: String(value), operator: 'or', exactTerm: true }, within), scoring, boost) };
  }
  return { run: (scoring) => valueMatches(context.index, field, [value], scoring ? boost : 0) };
}

export function compileTerms(raw: unknown, context: QueryContext): CompiledQuery {
  const body = clauseObject(raw, 'terms');
  const [path, list] = singleField(Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'boost')), 'terms');
  if (!Array.isArray(list)) throw unsupported('a terms lookup in [terms] queries: give an array of values');
  const boost = boostOf(body, 'terms');
  if (path === '_id') return { run: (scoring) => idMatches(context, list, scoring ? boost : 0) };
  const field = context.index.mapping.field(path);
  if (!field) return { run: () => new Map() };
  const values: FieldValue[] = list.map((value) => queryValue(field, value));
  recordTerms(context, field, values.map(String));
  if (field.kind === 'text') {
    return {
      run: (scoring) => {
        const matches: Matches = new Map();
        for (const value of values) for (const id of context.index.searchText(field, { text: String(value), operator: 'or', exactTerm: true }).keys()) matches.set(id, scoring ? boost : 0);
        return matches;
      },
    };
  }
  return { run: (scoring) => valueMatches(context.index, field, values, scoring ? boost : 0) };
}

const RANGE_BOUNDS = ['gt', 'gte', 'lt', 'lte'] as const;

export function compileRange(raw: unknown, context: QueryContext): CompiledQuery {
  const [path, spec] = singleField(clauseObject(raw, 'range'), 'range');
  const body = clauseObject(spec, 'range');
  onlyOptions(body, [...RANGE_BOUNDS, 'boost'], 'range');
  const boost = boostOf(body, 'range');
  const field = context.index.mapping.field(path);
  if (!field) return { run: () => new Map() };
  if (field.kind === 'text' || field.kind === 'boolean') throw unsupported(`[range] queries on ${field.type} field [${path}]`);
  const bounds: { op: (typeof RANGE_BOUNDS)[number]; value: FieldValue }[] = [];
  for (const op of RANGE_BOUNDS) {
    const bound = body[op];
    if (bound === undefined || bound === null) continue;
    if (field.kind === 'date') {
      const at = parseDateBound(bound, context.now);
      if (at === undefined) {
        throw badRequest(isDateMath(bound) ? `the local search service does not support date math [${String(bound)}]: use now, now-7d, now+1h` : `failed to parse date field [${String(bound)}] with format [strict_date_optional_time||epoch_millis]`);
      }
      bounds.push({ op, value: at });
    } else {
      bounds.push({ op, value: queryValue(field, bound) });
    }
  }
  const test = (value: FieldValue) =>
    bounds.every(({ op, value: bound }) => (op === 'gt' ? value > bound : op === 'gte' ? value >= bound : op === 'lt' ? value < bound : value <= bound));
  return { run: (scoring) => scanMatches(context.index, field, test, scoring ? boost : 0) };
}

export function compileExists(raw: unknown, context: QueryContext): CompiledQuery {
  const body = clauseObject(raw, 'exists');
  onlyOptions(body, ['field', 'boost'], 'exists');
  if (typeof body.field !== 'string') throw parsingError('[exists] must be provided with a [field]');
  const boost = boostOf(body, 'exists');
  const prefix = `${body.field}.`;
  const paths = context.index.mapping.fields().filter((field) => field.path === body.field || field.path.startsWith(prefix)).map((field) => field.path);
  return {
    run: (scoring) => {
      const matches: Matches = new Map();
      for (const id of context.index.searchableIds()) {
        const values = context.index.searchableDocument(id)?.values;
        if (paths.some((path) => (values?.get(path)?.length ?? 0) > 0)) matches.set(id, scoring ? boost : 0);
      }
      return matches;
    },
  };
}

export function compileIds(raw: unknown, context: QueryContext): CompiledQuery {
  const body = clauseObject(raw, 'ids');
  onlyOptions(body, ['values', 'boost'], 'ids');
  if (!Array.isArray(body.values)) throw parsingError('[ids] query requires an array of [values]');
  const values = body.values;
  const boost = boostOf(body, 'ids');
  return { run: (scoring) => idMatches(context, values, scoring ? boost : 0) };
}
