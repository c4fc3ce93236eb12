// One GET of a web page, with the SSRF guard on every hop: each URL's host is resolved and checked
// (resolve-target.ts) and the socket connects to that checked address only, while the Host header
// and TLS SNI/certificate check keep the original name. Redirects are followed by hand and checked
// again. One deadline covers DNS, every hop and the body, so a slow drip cannot outlast it.
import type * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import type { LinkPreviewConfig } from './config';
import { LinkPreviewFetchFailedError, LinkPreviewUnsupportedContentError } from './errors';
import { resolveTarget, type ResolvedAddress, type TargetPolicy } from './resolve-target';
import { redirectTarget } from './target-url';

export interface FetchedPage {
  /** The URL of the page after redirects. */
  readonly url: URL;
  readonly html: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">`. */
const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?([\w.:-]+)/i;

export async function fetchPage(url: URL, config: LinkPreviewConfig, policy: TargetPolicy): Promise<FetchedPage> {
  const controller = new AbortController();
  const deadline = setTimeout(
    () => controller.abort(new LinkPreviewFetchFailedError(`The page did not load within ${config.timeoutMs / 1000} s.`)),
    config.timeoutMs,
  );
  try {
    return await followRedirects(url, config, policy, controller.signal);
  } finally {
    clearTimeout(deadline);
    // Drops whatever is still open (a socket of a hop that failed) once the answer is known.
    controller.abort();
  }
}

async function followRedirects(start: URL, config: LinkPreviewConfig, policy: TargetPolicy, signal: AbortSignal): Promise<FetchedPage> {
  let url = start;
  for (let redirects = 0; ; redirects += 1) {
    const address = await untilAborted(resolveTarget(url, policy), signal);
    const response = await get(url, address, config.userAgent, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location !== undefined) {
      response.destroy();
      if (redirects === config.maxRedirects) {
        throw new LinkPreviewFetchFailedError(`${start.href} redirected more than ${config.maxRedirects} times.`);
      }
      url = redirectTarget(location, url);
      continue;
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw new LinkPreviewFetchFailedError(`${url.href} answered HTTP ${status}.`);
    }
    const charset = checkContent(url, response);
    const body = await readBody(response, config.maxBodyBytes, signal);
    return { url, html: decode(body, charset) };
  }
}

/** A GET to `url` over a socket connected to `address`, the address that was checked. */
function get(url: URL, address: ResolvedAddress, userAgent: string, signal: AbortSignal): Promise<http.IncomingMessage> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method: 'GET',
      // A fresh connection per hop: a pooled socket could belong to another lookup.
      agent: false,
      lookup: pinnedLookup(address),
      signal,
      headers: { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'identity' },
    }, resolve);
    request.on('error', (cause) => reject(signal.aborted ? signal.reason : new LinkPreviewFetchFailedError(`${url.host} could not be reached.`, { cause })));
    request.end();
  });
}

/** A `lookup` that answers every query with the checked address (node:net asks with and without `all`). */
function pinnedLookup({ address, family }: ResolvedAddress) {
  return (_hostname: string, options: dns.LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void): void => {
    if (options.all === true) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** The charset the body declares; LinkPreviewUnsupportedContent unless it is uncompressed HTML. */
function checkContent(url: URL, response: http.IncomingMessage): string | undefined {
  const [mediaType, ...parameters] = (response.headers['content-type'] ?? '').split(';').map((part) => part.trim());
  if (!HTML_TYPES.has(mediaType.toLowerCase())) {
    response.destroy();
    throw new LinkPreviewUnsupportedContentError(`${url.href} is ${mediaType === '' ? 'of no declared type' : mediaType}, not an HTML page.`);
  }
  const encoding = response.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    response.destroy();
    throw new LinkPreviewUnsupportedContentError(`${url.href} was sent ${encoding}-encoded although the request asked for identity.`);
  }
  const charset = parameters.find((parameter) => parameter.toLowerCase().startsWith('charset='));
  return charset?.slice('charset='.length).replace(/^"|"$/g, '');
}

/** The body, at most `maxBytes`: past that the connection is dropped, not drained. */
function readBody(response: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const tooLarge = () => new LinkPreviewFetchFailedError(`The page is larger than ${maxBytes / (1024 * 1024)} MB.`);
  return new Promise((resolve, reject) => {
    if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
      response.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        response.destroy();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', (cause) => reject(signal.aborted ? signal.reason : new LinkPreviewFetchFailedError('The connection broke while reading the page.', { cause })));
    response.on('close', () => reject(signal.aborted ? signal.reason : new LinkPreviewFetchFailedError('The connection closed before the page was read.')));
  });
}

/** The body as text, in the charset of the header, else of a <meta> in the first 1024 bytes (as browsers prescan). */
function decode(body: Buffer, charset: string | undefined): string {
  const declared = charset ?? META_CHARSET.exec(body.subarray(0, 1024).toString('latin1'))?.[1];
  return new TextDecoder(supportedCharset(declared)).decode(body);
}

/** The declared charset if TextDecoder knows it, else UTF-8 (what HTML defaults to nowadays). */
function supportedCharset(charset: string | undefined): string {
  if (charset === undefined) return 'utf-8';
  try {
    return new TextDecoder(charset).encoding;
  } catch (error) {
    if (error instanceof RangeError) return 'utf-8';
    throw error;
  }
}

/** `work`, or the deadline's error if the deadline passes first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
