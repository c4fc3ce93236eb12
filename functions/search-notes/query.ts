// The OpenSearch request of one searchNotes page, and the page made from its hits.
import type { NoteDocument } from '../shared/opensearch-notes-index';
import type { SearchRequest } from './input';
import { encodePageToken, type SearchCriteria, type SortValues } from './page-token';

/** Matches in a title count three times as much as in the body or the tags. */
export const SEARCH_FIELDS = ['title^3', 'body', 'tags'];
export const HIGHLIGHT_PRE_TAG = '<em>';
export const HIGHLIGHT_POST_TAG = '</em>';

/**
 * The search body. The caller's spaces are a filter inside the query itself, so OpenSearch never
 * returns a note from a space the caller is not in; tags narrow further, every tag required.
 * One hit more than the page is asked for: if it comes back, there is a next page.
 */
export function searchBody(request: SearchRequest, spaceIds: readonly string[]): Record<string, unknown> {
  return {
    size: request.limit + 1,
    query: {
      bool: {
        must: [{ multi_match: { query: request.query, fields: SEARCH_FIELDS, type: 'best_fields', tie_breaker: 0.3 } }],
        // A note with every word of the query in one field ranks above notes that share only some
        // of them, even in a title: without this, one word in a short title outweighed the rest.
        should: [{ multi_match: { query: request.query, fields: SEARCH_FIELDS, type: 'best_fields', operator: 'and' } }],
        filter: [{ terms: { spaceId: spaceIds } }, ...request.tags.map((tag) => ({ term: { tags: tag } }))],
      },
    },
    // Best match first; equal scores newest first; the id makes the order total, which search_after needs.
    sort: [{ _score: { order: 'desc' } }, { updatedAt: { order: 'desc' } }, { id: { order: 'asc' } }],
    highlight: {
      pre_tags: [HIGHLIGHT_PRE_TAG],
      post_tags: [HIGHLIGHT_POST_TAG],
      fields: { title: { fragment_size: 150, number_of_fragments: 1 }, body: { fragment_size: 150, number_of_fragments: 3 } },
    },
    track_total_hits: false,
    ...(request.after === undefined ? {} : { search_after: request.after }),
  };
}

/** A hit as OpenSearch returns it for searchBody. */
export interface NoteHit {
  readonly _id: string;
  readonly _score: number | null;
  readonly _source: NoteDocument;
  readonly highlight?: { readonly title?: readonly string[]; readonly body?: readonly string[] };
  readonly sort: SortValues;
}

/** The GraphQL `Note` of a hit (its `author` is resolved by the API, from authorId). */
export type Note = Omit<NoteDocument, 'version' | 'lastChangedAt'> & { readonly _version: number; readonly _lastChangedAt: number };

export interface NoteSearchHit {
  readonly note: Note;
  readonly highlights: readonly string[];
  readonly score: number | null;
}

export interface NoteSearchConnection {
  readonly items: readonly NoteSearchHit[];
  readonly nextToken: string | null;
}

export const EMPTY_CONNECTION: NoteSearchConnection = { items: [], nextToken: null };

/** The page: at most `limit` hits, and a token for the next page when there was one hit more. */
export function toConnection(criteria: SearchCriteria, limit: number, hits: readonly NoteHit[]): NoteSearchConnection {
  const page = hits.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((hit) => ({
      note: toNote(hit._source),
      highlights: [...(hit.highlight?.title ?? []), ...(hit.highlight?.body ?? [])],
      // With a sort, OpenSearch still scores (the first sort key is _score) and puts it in the sort values too.
      score: hit._score ?? hit.sort[0],
    })),
    nextToken: hits.length > limit && last !== undefined ? encodePageToken(criteria, last.sort) : null,
  };
}

function toNote({ version, lastChangedAt, ...fields }: NoteDocument): Note {
  return { ...fields, _version: version, _lastChangedAt: lastChangedAt };
}
