// HEAD /{index}: 200 or 404, no body (the client's indices.exists()).
import type { Action } from '../request';

export const indexExists: Action = (request) => ({ status: request.cluster.find(request.params.index) ? 200 : 404 });
