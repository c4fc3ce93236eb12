// `POST /outpost/ttl/advance` with `{ "by": "181d" }`: moves the stack's clock forward, reaps at
// once, and answers `{ now, reaped }`. It changes the time of the whole stack, so it answers only
// requests from this machine, and only JSON ones: a web page cannot send those cross-origin without a
// CORS preflight, which this route does not grant.
import type * as http from 'node:http';
import type { AdvanceableClock } from '../clock';
import { DurationError, parseDuration } from './duration';

export const TTL_ADVANCE_PATH = '/outpost/ttl/advance';

const MAX_BODY_BYTES = 4096;
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK_ADDRESSES.has(address);
}

class AdminRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AdminRequestError';
  }
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new AdminRequestError(413, 'PayloadTooLarge', `The body is over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function advanceBy(request: http.IncomingMessage): Promise<{ by: string; ms: number }> {
  if (request.method !== 'POST') throw new AdminRequestError(405, 'MethodNotAllowed', `${TTL_ADVANCE_PATH} takes POST; received ${request.method}.`);
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
    throw new AdminRequestError(415, 'UnsupportedMediaType', `${TTL_ADVANCE_PATH} takes an application/json body such as {"by":"181d"}.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(request));
  } catch (error) {
    if (error instanceof AdminRequestError) throw error;
    throw new AdminRequestError(400, 'BadRequest', `The body is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const by = typeof body === 'object' && body !== null ? (body as { by?: unknown }).by : undefined;
  try {
    return { by: String(by), ms: parseDuration(by) };
  } catch (error) {
    if (!(error instanceof DurationError)) throw error;
    throw new AdminRequestError(400, 'BadRequest', `"by": ${error.message}`, { cause: error });
  }
}

function answer(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** The handler for paths under /outpost/ on the stack's HTTP listener. */
export function createTtlAdminRoute(options: {
  readonly clock: AdvanceableClock;
  readonly reapNow: () => Promise<number>;
  readonly log: (line: string) => void;
}): (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void> {
  return async (request, response) => {
    try {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (pathname !== TTL_ADVANCE_PATH) throw new AdminRequestError(404, 'NotFound', `Nothing is served at ${pathname}; the admin route is POST ${TTL_ADVANCE_PATH}.`);
      if (!isLoopbackAddress(request.socket.remoteAddress)) {
        throw new AdminRequestError(403, 'Forbidden', `${TTL_ADVANCE_PATH} answers only requests from this machine; this one came from ${request.socket.remoteAddress}.`);
      }
      const { by, ms } = await advanceBy(request);
      options.clock.advance(ms);
      const now = options.clock.now().toISOString();
      const reaped = await options.reapNow();
      options.log(`ttl: advanced the clock by ${by} to ${now}; ${reaped} expired item${reaped === 1 ? '' : 's'} deleted`);
      answer(response, 200, { now, reaped });
    } catch (error) {
      if (!(error instanceof AdminRequestError)) throw error;
      answer(response, error.status, { errors: [{ errorType: error.errorType, message: error.message }] });
    }
  };
}
