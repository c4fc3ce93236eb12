// GET /_cluster/health. One node: replica shards stay unassigned, so an index with replicas makes
// the cluster yellow, exactly as a single-node OpenSearch reports it.
import { badRequest } from '../errors';
import type { Action } from '../request';

const RANK = { green: 0, yellow: 1, red: 2 } as const;

export const clusterHealth: Action = (request) => {
  const indices = request.cluster.all();
  const primaries = indices.reduce((sum, index) => sum + index.settings.numberOfShards, 0);
  const unassigned = indices.reduce((sum, index) => sum + index.settings.numberOfShards * index.settings.numberOfReplicas, 0);
  const status = unassigned > 0 ? 'yellow' : 'green';
  const wanted = request.query.get('wait_for_status');
  if (wanted !== null && !(wanted in RANK)) throw badRequest(`unknown cluster health status [${wanted}]`);
  // Nothing changes while waiting on one node, so a status that is not reached now never is.
  const timedOut = wanted !== null && RANK[status] > RANK[wanted as keyof typeof RANK];
  return {
    status: timedOut ? 408 : 200,
    body: {
      cluster_name: 'outpost-local',
      status,
      timed_out: timedOut,
      number_of_nodes: 1,
      number_of_data_nodes: 1,
      discovered_master: true,
      discovered_cluster_manager: true,
      active_primary_shards: primaries,
      active_shards: primaries,
      relocating_shards: 0,
      initializing_shards: 0,
      unassigned_shards: unassigned,
      delayed_unassigned_shards: 0,
      number_of_pending_tasks: 0,
      number_of_in_flight_fetch: 0,
      task_max_waiting_in_queue_millis: 0,
      active_shards_percent_as_number: primaries + unassigned === 0 ? 100 : (primaries * 100) / (primaries + unassigned),
    },
  };
};
