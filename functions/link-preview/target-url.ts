// The URLs a preview may fetch: http(s) only, no credentials. The WHATWG URL parser also
// canonicalises every IPv4 spelling (2130706433, 0x7f.1, 0177.0.0.1) to dotted decimal, so the
// address policy sees the address the socket would use.
import { InvalidInputError } from '../shared/errors';
import { LinkPreviewBlockedError, LinkPreviewFetchFailedError } from './errors';

const SCHEMES = new Set(['http:', 'https:']);

/** The URL the client asked for, or ValidationError. */
export function requestedUrl(raw: unknown): URL {
  if (typeof raw !== 'string' || !URL.canParse(raw)) {
    throw new InvalidInputError(`Expected an absolute http or https URL; received ${JSON.stringify(raw)}.`);
  }
  const url = new URL(raw);
  const problem = unfetchable(url);
  if (problem !== undefined) throw new InvalidInputError(problem);
  return url;
}

/** Where a redirect's Location leads, resolved against the page that sent it; checked like the first URL. */
export function redirectTarget(location: string, from: URL): URL {
  if (!URL.canParse(location, from.href)) {
    throw new LinkPreviewFetchFailedError(`${from.href} redirected to an invalid URL.`);
  }
  const url = new URL(location, from);
  const problem = unfetchable(url);
  if (problem !== undefined) throw new LinkPreviewBlockedError(`${from.href} redirected to a URL link previews do not fetch. ${problem}`);
  return url;
}

function unfetchable(url: URL): string | undefined {
  if (!SCHEMES.has(url.protocol)) return `Only http and https URLs are previewed; received a ${url.protocol} URL.`;
  if (url.username !== '' || url.password !== '') return 'URLs with credentials (user:password@) are not previewed.';
  return undefined;
}

/** The port a connection to `url` uses. */
export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}
