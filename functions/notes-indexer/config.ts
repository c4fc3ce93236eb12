import { requiredEnv } from '../shared/config';
import { searchEndpointUrl } from '../shared/opensearch-client';

export interface NotesIndexerConfig {
  readonly region: string;
  /** The search domain's base URL (the indexer only exists on stages with a domain). */
  readonly searchUrl: string;
}

/** Reads the function's environment; called once per instance, never at import time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): NotesIndexerConfig {
  return { region: requiredEnv(env, 'AWS_REGION'), searchUrl: searchEndpointUrl(requiredEnv(env, 'SEARCH_ENDPOINT')) };
}
