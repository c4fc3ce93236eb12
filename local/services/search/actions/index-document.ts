// PUT|POST /{index}/_doc/{id}, POST /{index}/_doc (generated id), PUT|POST /{index}/_create/{id}.
import { badRequest } from '../errors';
import { applyRefresh, jsonBody, type Action } from '../request';
import { checkId, generatedId } from './document-id';
import { writeResponse } from './write-response';

export function indexDocument(mode: 'index' | 'create'): Action {
  return async (request) => {
    const source = jsonBody(request);
    if (!source) throw badRequest('Validation Failed: 1: source is missing;');
    const opTypeParam = request.query.get('op_type');
    if (opTypeParam !== null && opTypeParam !== 'index' && opTypeParam !== 'create') throw badRequest(`opType must be 'create' or 'index', found: [${opTypeParam}]`);
    const opType = mode === 'create' || opTypeParam === 'create' ? 'create' : 'index';
    const index = request.cluster.getOrCreate(request.params.index);
    const result = index.index(request.params.id === undefined ? generatedId() : checkId(request.params.id), source, opType);
    request.cluster.changed();
    const forced = await applyRefresh(request, [index]);
    return { status: result.status, body: writeResponse(index, result, forced) };
  };
}
