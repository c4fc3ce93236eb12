// POST /{index}/_update/{id}: merges a partial document; `noop` when nothing changes.
import { badRequest } from '../errors';
import { applyRefresh, jsonBody, type Action } from '../request';
import { writeResponse } from './write-response';
import { parseUpdateRequest } from './update-request';

export const updateDocument: Action = async (request) => {
  const body = jsonBody(request);
  if (!body) throw badRequest('Validation Failed: 1: script or doc is missing;');
  const update = parseUpdateRequest(body);
  const index = update.docAsUpsert || update.upsert ? request.cluster.getOrCreate(request.params.index) : request.cluster.get(request.params.index);
  const result = index.update(request.params.id, update);
  request.cluster.changed();
  const forced = await applyRefresh(request, [index]);
  return { status: result.status, body: writeResponse(index, result, forced) };
};
