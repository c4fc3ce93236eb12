// PUT /{index} with `{ settings, mappings }`.
import { unsupported } from '../errors';
import { jsonBody, type Action } from '../request';

export const createIndex: Action = (request) => {
  const body = jsonBody(request) ?? {};
  const other = Object.keys(body).find((key) => key !== 'settings' && key !== 'mappings');
  if (other !== undefined) throw unsupported(`[${other}] in a create index request`);
  const index = request.cluster.create(request.params.index, body.settings, body.mappings);
  return { status: 200, body: { acknowledged: true, shards_acknowledged: true, index: index.name } };
};
