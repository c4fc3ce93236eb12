import { FunctionError } from '../shared/errors';

/** The URL, or a redirect, points at an address link previews never fetch (SSRF guard). */
export class LinkPreviewBlockedError extends FunctionError {
  readonly errorType = 'LinkPreviewBlocked';
}

/** The page could not be fetched: DNS, connection, HTTP status, redirects, time or size limits. */
export class LinkPreviewFetchFailedError extends FunctionError {
  readonly errorType = 'LinkPreviewFetchFailed';
}

/** The page is not HTML (or comes in an encoding the function does not read). */
export class LinkPreviewUnsupportedContentError extends FunctionError {
  readonly errorType = 'LinkPreviewUnsupportedContent';
}
