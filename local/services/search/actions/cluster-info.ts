// GET / (the client's info()) and HEAD / (its ping()).
import type { Action } from '../request';

/** The OpenSearch version this service answers like: the query DSL and response shapes it follows. */
export const EMULATED_VERSION = '2.19.0';

export function clusterInfo(clusterUuid: string): Action {
  return (request) => {
    if (request.method === 'HEAD') return { status: 200 };
    return {
      status: 200,
      body: {
        name: 'outpost-local',
        cluster_name: 'outpost-local',
        cluster_uuid: clusterUuid,
        version: {
          distribution: 'opensearch',
          number: EMULATED_VERSION,
          build_type: 'outpost-local',
          build_hash: 'outpost-local',
          build_date: '2025-02-10T00:00:00.000000Z',
          build_snapshot: false,
          lucene_version: '9.12.1',
          minimum_wire_compatibility_version: '7.10.0',
          minimum_index_compatibility_version: '7.0.0',
        },
        tagline: 'The OpenSearch Project: https://opensearch.org/',
      },
    };
  };
}
