// GET /{index}/_mapping.
import type { Action } from '../request';

export const getMapping: Action = (request) => {
  const index = request.cluster.get(request.params.index);
  return { status: 200, body: { [index.name]: { mappings: index.mapping.toJSON() } } };
};
