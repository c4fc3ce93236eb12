import { requiredEnv } from '../shared/config';
import { searchEndpointUrl } from '../shared/opensearch-client';

export interface SearchNotesConfig {
  readonly region: string;
  readonly membershipsTable: string;
  /** The search domain's base URL; undefined when the stage has no search domain. */
  readonly searchUrl: string | undefined;
}

/** Reads the function's environment; called once per instance, never at import time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): SearchNotesConfig {
  const endpoint = env.SEARCH_ENDPOINT;
  return {
    region: requiredEnv(env, 'AWS_REGION'),
    membershipsTable: requiredEnv(env, 'MEMBERSHIPS_TABLE'),
    searchUrl: endpoint === undefined || endpoint === '' ? undefined : searchEndpointUrl(endpoint),
  };
}
