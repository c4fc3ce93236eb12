// What an action receives and returns; JSON and NDJSON bodies parsed at the edge.
import type { SearchCluster } from './cluster';
import { badRequest, jsonParseError } from './errors';
import type { SearchIndex } from './search-index';

export interface ActionRequest {
  readonly method: string;
  readonly path: string;
  /** Path parameters: `index`, `id`. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Buffer;
  readonly cluster: SearchCluster;
  /** Epoch milliseconds, for `now` in date math. */
  readonly now: number;
}

export interface ActionResponse {
  readonly status: number;
  /** JSON body; undefined for HEAD. */
  readonly body?: unknown;
}

export type Action = (request: ActionRequest) => ActionResponse | Promise<ActionResponse>;

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's own message varies with the Node version; the cause keeps it.
    throw jsonParseError(`${where} is not valid JSON`, error);
  }
}

/** The JSON object body, or undefined when there is none. */
export function jsonBody(request: ActionRequest): Record<string, unknown> | undefined {
  if (request.body.length === 0) return undefined;
  const value = parseJson(request.body.toString('utf8'), 'request body');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('request body must be a JSON object');
  return value as Record<string, unknown>;
}

/**
 * `?refresh`: `true` (or empty) refreshes the written indices before answering; `wait_for` answers
 * after the next scheduled refresh (at once when the index has no refresh interval); `false` neither.
 */
export async function applyRefresh(request: ActionRequest, indices: readonly SearchIndex[]): Promise<boolean> {
  const value = request.query.get('refresh');
  if (value === null || value === 'false') return false;
  if (value === '' || value === 'true') {
    for (const index of indices) index.refresh();
    return true;
  }
  if (value === 'wait_for') {
    await Promise.all(
      indices.map((index) => {
        if (!index.hasPendingChanges) return undefined;
        if (index.settings.refreshIntervalMs === null) return index.refresh();
        return index.nextRefresh();
      }),
    );
    return false;
  }
  throw badRequest(`Unknown value for refresh: [${value}].`);
}

/** `_shards` of a write: one node holds the primary; replicas would need more nodes. */
export function writeShards(index: SearchIndex, applied: boolean): { total: number; successful: number; failed: number } {
  return applied ? { total: index.settings.numberOfReplicas + 1, successful: 1, failed: 0 } : { total: 0, successful: 0, failed: 0 };
}
