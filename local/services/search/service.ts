// The local OpenSearch-compatible search service: an HTTP server on 127.0.0.1 speaking the subset
// of the OpenSearch REST API that Outpost's functions use. Requests may carry SigV4 signatures;
// the local service accepts them without verifying them.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGunzip } from 'node:zlib';
import { SearchCluster } from './cluster';
import { SearchApiError } from './errors';
import { buildRoutes, findRoute } from './router';
import { readSnapshot, writeSnapshot } from './snapshot';
import { LOOPBACK, PortInUseError } from '../ports';

export interface SearchServiceOptions {
  /** Port on 127.0.0.1. Default: a free port. An explicit port that is taken is an error. */
  readonly port?: number;
  /** Where the indices are snapshotted and read back on start; in memory only when absent. */
  readonly dataDir?: string;
  readonly log: (line: string) => void;
  /** Largest request body accepted; larger ones get 413. Default 10 MB, Amazon OpenSearch Service's smallest limit. */
  readonly maxBodyBytes?: number;
  /** How long after the last write the snapshot is written. Default 1 s; during a steady stream of
   * writes, at least every 10 × that. */
  readonly snapshotDelayMs?: number;
  /** What `now` is in date math. Default: the system clock. */
  readonly now?: () => number;
}

export interface SearchService {
  /** `http://127.0.0.1:<port>`, with a scheme: the local value of a domain's endpoint. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const encoding = request.headers['content-encoding'];
    const stream = encoding === 'gzip' ? request.pipe(createGunzip()) : request;
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(limit));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, head: boolean): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  response.end(head ? undefined : text);
}

export async function startSearchService(options: SearchServiceOptions): Promise<SearchService> {
  const { log } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const now = options.now ?? Date.now;
  const dataDir = options.dataDir;

  const snapshotDelayMs = options.snapshotDelayMs ?? 1000;
  let snapshotTimer: NodeJS.Timeout | undefined;
  /** When the oldest write the snapshot lacks happened; undefined when it lacks none. */
  let unsavedSince: number | undefined;
  let snapshotting: Promise<void> = Promise.resolve();
  const saveNow = () => {
    clearTimeout(snapshotTimer);
    snapshotTimer = undefined;
    unsavedSince = undefined;
    if (dataDir === undefined) return snapshotting;
    const indices = cluster.all().map((index) => index.snapshot());
    snapshotting = snapshotting
      .then(() => writeSnapshot(dataDir, indices))
      .catch((error: unknown) => log(`search: could not write the snapshot: ${error instanceof Error ? error.message : String(error)}`));
    return snapshotting;
  };
  // Debounced: a bulk load is written once it pauses, not after every request; but never more
  // than ten delays behind a steady stream of writes.
  const cluster = new SearchCluster(() => {
    if (dataDir === undefined) return;
    const at = Date.now();
    unsavedSince ??= at;
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(saveNow, Math.max(0, Math.min(snapshotDelayMs, unsavedSince + 10 * snapshotDelayMs - at)));
    snapshotTimer.unref();
  });
  if (dataDir !== undefined) {
    const snapshots = readSnapshot(dataDir);
    cluster.restore(snapshots);
    if (snapshots.length > 0) log(`search: loaded ${snapshots.length} index(es), ${cluster.all().reduce((sum, index) => sum + index.documentCount, 0)} document(s)`);
  }

  const routes = buildRoutes(randomUUID());
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const head = request.method === 'HEAD';
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const route = findRoute(routes, request.method ?? 'GET', url.pathname, url.searchParams);
      const body = await readBody(request, maxBodyBytes);
      const result = await route.action({ method: request.method ?? 'GET', path: url.pathname, params: route.params, query: url.searchParams, body, cluster, now: now() });
      send(response, result.status, result.body, head);
    } catch (error) {
      if (error instanceof SearchApiError) {
        send(response, error.status, error.body(), head);
      } else if (error instanceof BodyTooLargeError) {
        send(response, 413, new SearchApiError(413, 'content_too_long_exception', error.message).body(), head);
      } else {
        log(`search: ${request.method} ${request.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        send(response, 500, new SearchApiError(500, 'exception', error instanceof Error ? error.message : String(error)).body(), head);
      }
    }
  };
  const server = createServer((request, response) => void handle(request, response));

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' && options.port ? new PortInUseError(options.port, 'The search service', { cause: error }) : error));
    server.listen(options.port ?? 0, LOOPBACK, () => resolve((server.address() as AddressInfo).port));
  });
  const url = `http://${LOOPBACK}:${port}`;
  log(`search: OpenSearch-compatible service on ${url}${dataDir ? '' : ' (in memory)'}`);

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop: () =>
      (stopping ??= (async () => {
        cluster.stop();
        await saveNow();
        server.closeAllConnections();
        await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      })()),
  };
}
