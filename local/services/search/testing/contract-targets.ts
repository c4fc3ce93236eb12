// The servers the contract tests drive through the official client: the local service always, and
// a real OpenSearch as well when its URL is given, so both are held to the same expectations.
import { randomUUID } from 'node:crypto';
import { Client } from '@opensearch-project/opensearch';
import { startSearchService, type SearchServiceOptions } from '../service';

export interface RunningTarget {
  readonly client: Client;
  readonly url: string;
  stop(): Promise<void>;
}

export interface SearchTarget {
  readonly name: string;
  readonly local: boolean;
  start(): Promise<RunningTarget>;
}

export function localTarget(options: Partial<SearchServiceOptions> = {}): SearchTarget {
  return {
    name: 'local search service',
    local: true,
    async start() {
      const service = await startSearchService({ log: () => undefined, ...options });
      const client = new Client({ node: service.url });
      return {
        client,
        url: service.url,
        async stop() {
          await client.close();
          await service.stop();
        },
      };
    },
  };
}

/** The local service, plus a real OpenSearch at `opensearchUrl` when there is one. */
export function contractTargets(opensearchUrl: string | undefined): SearchTarget[] {
  const targets = [localTarget()];
  if (opensearchUrl) {
    targets.push({
      name: `OpenSearch at ${opensearchUrl}`,
      local: false,
      async start() {
        const client = new Client({ node: opensearchUrl });
        return { client, url: opensearchUrl, stop: () => client.close() };
      },
    });
  }
  return targets;
}

/** A fresh index name per test, so runs against a shared cluster never collide. */
export const uniqueIndex = (prefix: string): string => `${prefix}-${randomUUID().slice(0, 8)}`;

/** The status and body of a request the server refused. */
export async function refusal(request: Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    await request;
  } catch (error) {
    const meta = (error as { meta?: { statusCode?: number; body?: unknown } }).meta;
    if (meta?.statusCode !== undefined) return { status: meta.statusCode, body: meta.body };
    throw error;
  }
  throw new RequestSucceededError();
}

export class RequestSucceededError extends Error {
  constructor() {
    super('The request was expected to fail, and it succeeded.');
    this.name = 'RequestSucceededError';
  }
}
