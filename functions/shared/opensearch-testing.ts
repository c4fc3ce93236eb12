// What the search functions' tests share: a local search service per test file and a client
// signed with fixed test credentials (the local service does not verify signatures).
import type { Client } from '@opensearch-project/opensearch';
import { startSearchService, type SearchService } from '../../local/services/search/service';
import { createOpenSearchClient } from './opensearch-client';

export interface SearchServiceForTests {
  readonly service: () => SearchService;
  readonly client: () => Client;
}

/** Starts a local search service before the file's tests and stops it after them. */
export function useSearchService(): SearchServiceForTests {
  let service: SearchService | undefined;
  let client: Client | undefined;
  beforeAll(async () => {
    service = await startSearchService({ log: () => undefined });
    client = createOpenSearchClient({
      url: service.url,
      region: 'us-east-1',
      requestTimeoutMs: 5_000,
      maxRetries: 0,
      getCredentials: async () => ({ accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' }),
    });
  });
  afterAll(async () => {
    await client?.close();
    await service?.stop();
  });
  return {
    service: () => service ?? notStarted(),
    client: () => client ?? notStarted(),
  };
}

function notStarted(): never {
  throw new Error('The search service is not started: call useSearchService() at the top of the test file, outside any test.');
}
