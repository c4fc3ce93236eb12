import { FunctionError } from '../shared/errors';

/** The stage has no search domain (`-c searchDomain=false`), so there is nothing to search. */
export class SearchNotEnabledError extends FunctionError {
  readonly errorType = 'SearchNotEnabled';
}

/** OpenSearch or DynamoDB failed; the cause is logged, the caller may try again. */
export class SearchUnavailableError extends FunctionError {
  readonly errorType = 'SearchUnavailable';
}
