// The event the Query.searchNotes resolver sends (`{ arguments, identity: { sub } }`), checked at
// the edge: everything after this works on a SearchRequest that is known to be well formed.
import { InvalidInputError } from '../shared/errors';
import { decodePageToken, type SearchCriteria, type SortValues } from './page-token';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const MAX_QUERY_LENGTH = 256;
const MAX_TAGS = 20;

export interface SearchRequest extends SearchCriteria {
  /** The caller's Cognito `sub`. */
  readonly callerId: string;
  readonly limit: number;
  /** Where the page starts: the previous page's last sort values. */
  readonly after: SortValues | undefined;
}

export function parseSearchEvent(event: unknown): SearchRequest {
  const { arguments: args, identity } = asObject(event, 'The event');
  const callerId = asObject(identity, 'identity').sub;
  if (typeof callerId !== 'string' || callerId === '') throw new InvalidInputError('identity.sub must be the caller’s user id.');
  const { query, spaceId, tags, limit, nextToken } = asObject(args, 'arguments');

  if (typeof query !== 'string' || query.trim() === '') throw new InvalidInputError('query must not be empty.');
  if (query.length > MAX_QUERY_LENGTH) throw new InvalidInputError(`query must be at most ${MAX_QUERY_LENGTH} characters (received ${query.length}).`);
  const criteria: SearchCriteria = { query: query.trim(), spaceId: optionalId(spaceId), tags: parseTags(tags) };
  return {
    ...criteria,
    callerId,
    limit: parseLimit(limit),
    after: nextToken === undefined || nextToken === null || nextToken === '' ? undefined : decodePageToken(criteria, asToken(nextToken)),
  };
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidInputError(`${what} must be an object.`);
  return value as Record<string, unknown>;
}

function optionalId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw new InvalidInputError('spaceId must be a non-empty ID.');
  return value;
}

function parseTags(value: unknown): readonly string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((tag): tag is string => typeof tag === 'string' && tag !== '')) {
    throw new InvalidInputError('tags must be a list of non-empty strings.');
  }
  if (value.length > MAX_TAGS) throw new InvalidInputError(`tags may hold at most ${MAX_TAGS} tags (received ${value.length}).`);
  return [...new Set(value)];
}

function parseLimit(value: unknown): number {
  if (value === undefined || value === null) return DEFAULT_LIMIT;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw new InvalidInputError(`limit must be 1 to ${MAX_LIMIT} (received ${JSON.stringify(value)}).`);
  }
  return value;
}

function asToken(value: unknown): string {
  if (typeof value !== 'string') throw new InvalidInputError('nextToken must be a string.');
  return value;
}
