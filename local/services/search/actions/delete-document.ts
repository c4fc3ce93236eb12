// DELETE /{index}/_doc/{id}: 200 `deleted`, or 404 `not_found` in the same shape.
import { applyRefresh, type Action } from '../request';
import { writeResponse } from './write-response';

export const deleteDocument: Action = async (request) => {
  const index = request.cluster.get(request.params.index);
  const result = index.delete(request.params.id);
  request.cluster.changed();
  const forced = await applyRefresh(request, [index]);
  return { status: result.status, body: writeResponse(index, result, forced) };
};
