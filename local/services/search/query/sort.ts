// `sort` and `search_after`: field values (min of an array ascending, max descending), missing
// values last, and ties broken by index order (the latest write last), like Lucene's doc ids.
import { parseDate } from '../dates';
import { badRequest, SearchApiError, unsupported } from '../errors';
import type { IndexedField } from '../mapping';
import type { SearchIndex, StoredDocument } from '../search-index';
import { isObject } from './options';

export type SortValue = string | number | null;

interface SortKey {
  readonly field: IndexedField | '_score';
  readonly descending: boolean;
  readonly missingFirst: boolean;
}

export interface SortPlan {
  readonly keys: readonly SortKey[];
  /** True when no sort was given: results by score, and hits carry no `sort` values. */
  readonly byScoreOnly: boolean;
  readonly sortsOnScore: boolean;
}

const FIELD_DATA_ERROR = (path: string) =>
  `Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [${path}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.`;

function sortKey(index: SearchIndex, name: string, options: Record<string, unknown>): SortKey {
  const other = Object.keys(options).find((key) => key !== 'order' && key !== 'missing');
  if (other !== undefined) throw unsupported(`sort option [${other}]`);
  const order = options.order === undefined ? (name === '_score' ? 'desc' : 'asc') : String(options.order).toLowerCase();
  if (order !== 'asc' && order !== 'desc') throw badRequest(`Unknown SortOrder [${String(options.order)}]`);
  const missing = options.missing === undefined ? '_last' : String(options.missing);
  if (missing !== '_last' && missing !== '_first') throw unsupported(`sort missing value [${missing}]: use _last or _first`);
  if (name === '_score') return { field: '_score', descending: order === 'desc', missingFirst: false };
  if (name === '_doc' || name === '_id') throw unsupported(`sort on [${name}]`);
  const field = index.mapping.field(name);
  if (!field) throw new SearchApiError(400, 'query_shard_exception', `No mapping found for [${name}] in order to sort on`, { index: index.name, index_uuid: index.uuid });
  if (field.kind === 'text') throw badRequest(FIELD_DATA_ERROR(name));
  return { field, descending: order === 'desc', missingFirst: missing === '_first' };
}

export function parseSort(raw: unknown, index: SearchIndex): SortPlan {
  if (raw === undefined) return { keys: [{ field: '_score', descending: true, missingFirst: false }], byScoreOnly: true, sortsOnScore: true };
  const entries = Array.isArray(raw) ? raw : [raw];
  const keys = entries.map((entry): SortKey => {
    if (typeof entry === 'string') return sortKey(index, entry, {});
    if (isObject(entry) && Object.keys(entry).length === 1) {
      const [name, spec] = Object.entries(entry)[0];
      if (typeof spec === 'string') return sortKey(index, name, { order: spec });
      if (isObject(spec)) return sortKey(index, name, spec);
    }
    throw badRequest(`malformed sort format, within the sort array, an object, or an actual string are allowed: ${JSON.stringify(entry)}`);
  });
  return { keys, byScoreOnly: false, sortsOnScore: keys.some((key) => key.field === '_score') };
}

export function sortValues(plan: SortPlan, doc: StoredDocument, score: number): SortValue[] {
  return plan.keys.map((key) => {
    // Scores compare as the 32-bit floats the hits show, so a score sent back in search_after
    // splits the results exactly where the previous page ended.
    if (key.field === '_score') return Math.fround(score);
    const values = doc.values.get(key.field.path);
    if (!values || values.length === 0) return null;
    const comparable = values.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
    return comparable.reduce((best, value) => ((key.descending ? value > best : value < best) ? value : best));
  });
}

function compareValue(a: SortValue, b: SortValue, key: SortKey): number {
  if (a === b) return 0;
  if (a === null) return key.missingFirst ? -1 : 1;
  if (b === null) return key.missingFirst ? 1 : -1;
  const ascending = a < b ? -1 : 1;
  return key.descending ? -ascending : ascending;
}

/** Orders two hits by the sort keys; 0 when every key ties. */
export function compareSortValues(plan: SortPlan, a: readonly SortValue[], b: readonly SortValue[]): number {
  for (let i = 0; i < plan.keys.length; i += 1) {
    const order = compareValue(a[i], b[i], plan.keys[i]);
    if (order !== 0) return order;
  }
  return 0;
}

/** `search_after` values as the sort keys compare them (a date may be given as a string). */
export function parseSearchAfter(raw: unknown, plan: SortPlan): SortValue[] {
  if (!Array.isArray(raw)) throw badRequest('[search_after] must be an array');
  if (raw.length !== plan.keys.length) throw badRequest(`search_after has ${raw.length} value(s) but sort has ${plan.keys.length}.`);
  return raw.map((value, i) => {
    const key = plan.keys[i];
    if (value === null) return null;
    if (key.field === '_score' || key.field.kind === 'number' || key.field.kind === 'boolean') {
      const number = Number(value);
      if (!Number.isFinite(number)) throw badRequest(`Failed to parse search_after value [${String(value)}] for field [${key.field === '_score' ? '_score' : key.field.path}]`);
      return key.field === '_score' ? Math.fround(number) : number;
    }
    if (key.field.kind === 'date') {
      const at = parseDate(value);
      if (at === undefined) throw badRequest(`Failed to parse search_after value [${String(value)}] for field [${key.field.path}]`);
      return at;
    }
    return String(value);
  });
}
