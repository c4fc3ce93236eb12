// The function's clients, created once per instance from its configuration (on the first call, not
// at import time) and kept for the instance's life.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Client } from '@opensearch-project/opensearch';
import { createOpenSearchClient } from '../shared/opensearch-client';
import type { SearchNotesConfig } from './config';

export interface SearchNotesClients {
  readonly dynamodb: DynamoDBClient;
  /** Undefined when the stage has no search domain. */
  readonly search: Client | undefined;
}

export function createClients(config: SearchNotesConfig): SearchNotesClients {
  return {
    dynamodb: new DynamoDBClient({ region: config.region }),
    // A search waits on a person: one retry of a dropped connection, then a clean error.
    search:
      config.searchUrl === undefined
        ? undefined
        : createOpenSearchClient({ url: config.searchUrl, region: config.region, requestTimeoutMs: 5_000, maxRetries: 1 }),
  };
}
