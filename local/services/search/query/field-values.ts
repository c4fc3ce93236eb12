// Exact matching and comparison on non-text fields, against the searchable documents' values.
import { parseDate } from '../dates';
import { SearchApiError } from '../errors';
import type { FieldValue, IndexedField } from '../mapping';
import type { Matches, SearchIndex } from '../search-index';

/** A query value as the field stores it; a value the field cannot hold is a 400, as in OpenSearch. */
export function queryValue(field: IndexedField, value: unknown): FieldValue {
  const converted = convertQueryValue(field, value);
  if (converted === undefined) {
    throw new SearchApiError(400, 'query_shard_exception', `failed to create query: failed to parse [${String(value)}] as a value of field [${field.path}] of type [${field.type}]`);
  }
  return converted;
}

function convertQueryValue(field: IndexedField, value: unknown): FieldValue | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  switch (field.kind) {
    case 'text':
    case 'keyword':
      return String(value);
    case 'date':
      return parseDate(value);
    case 'boolean':
      return value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
    case 'number': {
      const number = Number(value);
      return typeof value === 'boolean' || !Number.isFinite(number) ? undefined : number;
    }
  }
}

/** Documents whose field holds one of `values`, each scored `score`. */
export function valueMatches(index: SearchIndex, field: IndexedField, values: readonly FieldValue[], score: number): Matches {
  const matches: Matches = new Map();
  if (!field.indexed) return matches;
  if (field.kind === 'keyword') {
    for (const value of values) for (const id of index.keywordIds(field.path, String(value))) matches.set(id, score);
    return matches;
  }
  const wanted = new Set(values);
  return scanMatches(index, field, (value) => wanted.has(value), score);
}

export function scanMatches(index: SearchIndex, field: IndexedField, test: (value: FieldValue) => boolean, score: number): Matches {
  const matches: Matches = new Map();
  for (const id of index.searchableIds()) {
    const values = index.searchableDocument(id)?.values.get(field.path);
    if (values?.some(test)) matches.set(id, score);
  }
  return matches;
}
