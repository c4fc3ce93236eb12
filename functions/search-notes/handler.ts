// searchNotes: full-text search over the notes of the caller's spaces. AppSync invokes it through
// the Query.searchNotes resolver, which passes the outcome on: a page of hits, or a typed error
// that the resolver raises with util.error so clients can branch on its errorType.
import type { Logger } from '@aws-lambda-powertools/logger';
import { createLogger } from '../shared/logger';
import { outcomeOf, type FunctionOutcome } from '../shared/outcome';
import { createClients } from './clients';
import { loadConfig } from './config';
import { SearchNotEnabledError, SearchUnavailableError } from './errors';
import { parseSearchEvent } from './input';
import { memberSpaceIds } from './memberships';
import { EMPTY_CONNECTION, searchBody, toConnection, type NoteHit, type NoteSearchConnection } from './query';
import { searchNotesIndex } from './search';

export type SearchNotesOutcome = FunctionOutcome<NoteSearchConnection>;

export interface SearchNotesDependencies {
  readonly logger: Logger;
  /** The ids of the spaces the user is a member of. */
  readonly memberSpaceIds: (userId: string) => Promise<readonly string[]>;
  /** Runs a search body; undefined when the stage has no search domain. */
  readonly search: ((body: Record<string, unknown>) => Promise<readonly NoteHit[]>) | undefined;
}

/** The handler, given how to create its dependencies (once, on the first call). */
export function createSearchNotesHandler(dependencies: () => SearchNotesDependencies): (event: unknown) => Promise<SearchNotesOutcome> {
  let created: SearchNotesDependencies | undefined;
  return async (event) => {
    // Created on the first call, not at import, and kept for the instance's life.
    const deps = (created ??= dependencies());
    return outcomeOf(
      () => searchNotes(deps, event),
      (error) => {
        // Only an outage needs an operator; a bad argument or a stage without search is the caller's answer.
        if (error instanceof SearchUnavailableError) deps.logger.error('Search failed', { error });
        else deps.logger.info('Answered a search with an error', { error });
      },
    );
  };
}

async function searchNotes(deps: SearchNotesDependencies, event: unknown): Promise<NoteSearchConnection> {
  if (deps.search === undefined) throw new SearchNotEnabledError('Search is not enabled on this deployment.');
  const request = parseSearchEvent(event);
  const spaceIds = await deps.memberSpaceIds(request.callerId);
  // A space the caller is not in gives what a space without matches gives: nothing, not an error
  // that would tell the caller the space exists.
  const scope = request.spaceId === undefined ? spaceIds : spaceIds.filter((id) => id === request.spaceId);
  if (scope.length === 0) return EMPTY_CONNECTION;
  const hits = await deps.search(searchBody(request, scope));
  return toConnection(request, request.limit, hits);
}

export const handler = createSearchNotesHandler(() => {
  const config = loadConfig();
  const clients = createClients(config);
  const search = clients.search;
  return {
    logger: createLogger('search-notes'),
    memberSpaceIds: (userId) => memberSpaceIds(clients.dynamodb, config.membershipsTable, userId),
    search: search === undefined ? undefined : (body) => searchNotesIndex(search, body),
  };
});
