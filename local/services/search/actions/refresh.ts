// POST /{index}/_refresh and POST /_refresh: every write so far becomes searchable.
import type { Action } from '../request';

export const refresh: Action = (request) => {
  const indices = request.params.index === undefined ? request.cluster.all() : [request.cluster.get(request.params.index)];
  for (const index of indices) index.refresh();
  const total = indices.reduce((sum, index) => sum + index.settings.numberOfShards * (index.settings.numberOfReplicas + 1), 0);
  const successful = indices.reduce((sum, index) => sum + index.settings.numberOfShards, 0);
  return { status: 200, body: { _shards: { total, successful, failed: 0 } } };
};
