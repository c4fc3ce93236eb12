// DELETE /{index}.
import type { Action } from '../request';

export const deleteIndex: Action = (request) => {
  request.cluster.delete(request.params.index);
  return { status: 200, body: { acknowledged: true } };
};
