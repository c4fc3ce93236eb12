// OpenSearch's error body: `{ error: { root_cause: [cause], ...cause }, status }`, so clients read
// `meta.body.error.type` and `reason` exactly as they would from a real domain.

/** The fields of one OpenSearch error cause: `type`, `reason`, and what that type adds (`index`, ...). */
export interface ErrorCause {
  readonly type: string;
  readonly reason: string;
  readonly [extra: string]: unknown;
}

export interface ErrorBody {
  readonly error: ErrorCause & { readonly root_cause: readonly ErrorCause[] };
  readonly status: number;
}

/** A request the service answers with an OpenSearch error (4xx), never a wrong result. */
export class SearchApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(status: number, type: string, reason: string, extra: Readonly<Record<string, unknown>> = {}, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'SearchApiError';
    this.status = status;
    this.type = type;
    this.extra = extra;
  }

  toCause(): ErrorCause {
    return { type: this.type, reason: this.message, ...this.extra };
  }

  body(): ErrorBody {
    const cause = this.toCause();
    return { error: { root_cause: [cause], ...cause }, status: this.status };
  }
}

export const indexNotFound = (index: string): SearchApiError =>
  new SearchApiError(404, 'index_not_found_exception', `no such index [${index}]`, { index, 'resource.id': index, 'resource.type': 'index_or_alias', index_uuid: '_na_' });

/** Something OpenSearch serves that this service does not: a 400 naming it, instead of a guess. */
export const unsupported = (what: string): SearchApiError =>
  new SearchApiError(400, 'illegal_argument_exception', `the local search service does not support ${what}`);

export const badRequest = (reason: string): SearchApiError => new SearchApiError(400, 'illegal_argument_exception', reason);

export const parsingError = (reason: string): SearchApiError => new SearchApiError(400, 'parsing_exception', reason);

/** A body that is not JSON; OpenSearch reports it as `json_parse_exception`. */
export const jsonParseError = (detail: string, cause: unknown): SearchApiError =>
  new SearchApiError(400, 'json_parse_exception', detail, {}, { cause });
