// GET /{index}/_doc/{id}: real time, from the document store, refreshed or not.
import { badRequest } from '../errors';
import type { Action } from '../request';

export const getDocument: Action = (request) => {
  const index = request.cluster.get(request.params.index);
  const sourceParam = request.query.get('_source');
  if (sourceParam !== null && sourceParam !== 'true' && sourceParam !== 'false') throw badRequest(`the local search service supports only _source=true|false on GET, not [${sourceParam}]`);
  const doc = index.get(request.params.id);
  if (!doc) return { status: 404, body: { _index: index.name, _id: request.params.id, found: false } };
  return {
    status: 200,
    body: {
      _index: index.name,
      _id: doc.id,
      _version: doc.version,
      _seq_no: doc.seqNo,
      _primary_term: 1,
      found: true,
      ...(sourceParam === 'false' ? {} : { _source: doc.source }),
    },
  };
};
