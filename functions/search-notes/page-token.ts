// The opaque nextToken of searchNotes: the last hit's sort values (OpenSearch `search_after`) and a
// fingerprint of the search it belongs to, base64url-encoded. A token that does not decode to
// exactly that shape, or that belongs to another search, is a validation error.
import { createHash } from 'node:crypto';
import { InvalidInputError } from '../shared/errors';

/** The sort values of a hit: score, updatedAt (epoch milliseconds as OpenSearch sorts dates), id. */
export type SortValues = readonly [number, number | string, string];

/** What a search is: a token from one search must not page through another. */
export interface SearchCriteria {
  readonly query: string;
  readonly spaceId: string | undefined;
  readonly tags: readonly string[];
}

interface TokenBody {
  readonly v: 1;
  readonly f: string;
  readonly after: SortValues;
}

const INVALID = 'nextToken is not a token this search returned.';

export function fingerprint(criteria: SearchCriteria): string {
  const canonical = JSON.stringify([criteria.query, criteria.spaceId ?? null, [...criteria.tags].sort()]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodePageToken(criteria: SearchCriteria, after: SortValues): string {
  const body: TokenBody = { v: 1, f: fingerprint(criteria), after };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The `search_after` values of a token; InvalidInputError when it is malformed or from another search. */
export function decodePageToken(criteria: SearchCriteria, token: string): SortValues {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new InvalidInputError(INVALID);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidInputError(INVALID, { cause: error });
  }
  if (!isTokenBody(body) || body.f !== fingerprint(criteria)) throw new InvalidInputError(INVALID);
  return body.after;
}

function isTokenBody(value: unknown): value is TokenBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { v, f, after, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    v === 1 &&
    typeof f === 'string' &&
    Array.isArray(after) &&
    after.length === 3 &&
    typeof after[0] === 'number' &&
    Number.isFinite(after[0]) &&
    (typeof after[1] === 'string' || (typeof after[1] === 'number' && Number.isFinite(after[1]))) &&
    typeof after[2] === 'string'
  );
}
