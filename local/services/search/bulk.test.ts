// _bulk through the official client: per-item results and partial failures, against every target.
// https://docs.opensearch.org/latest/api-reference/document-apis/bulk/
import { Client } from '@opensearch-project/opensearch';
import { contractTargets, refusal, uniqueIndex, type RunningTarget } from './testing/contract-targets';

const SHARDS = { total: 1, successful: 1, failed: 0 };

describe.each(contractTargets(process.env.OPENSEARCH_URL))('$name', (target) => {
  let running: RunningTarget;
  let index: string;
  beforeAll(async () => {
    running = await target.start();
  });
  afterAll(async () => {
    await running.stop();
  });
  beforeEach(async () => {
    index = uniqueIndex('bulk');
    await running.client.indices.create({ index, body: { settings: { number_of_shards: 1, number_of_replicas: 0 }, mappings: { properties: { title: { type: 'text' } } } } });
  });
  afterEach(async () => {
    await running.client.indices.delete({ index });
  });

  it('applies index, create, update and delete items, failing only the items that cannot apply', async () => {
    const { client } = running;
    await client.index({ index, id: 'n1', body: { title: 'Heron' } });
    const response = await client.bulk({
      refresh: true,
      body: [
        { index: { _index: index, _id: 'n2' } },
        { title: 'Egret' },
        { create: { _index: index, _id: 'n1' } },
        { title: 'Duplicate' },
        { update: { _index: index, _id: 'n1' } },
        { doc: { title: 'Grey heron' } },
        { update: { _index: index, _id: 'missing' } },
        { doc: { title: 'Nobody' } },
        { update: { _index: index, _id: 'n3' } },
        { doc: { title: 'Crane' }, doc_as_upsert: true },
        { delete: { _index: index, _id: 'n2' } },
        { delete: { _index: index, _id: 'never' } },
      ],
    });
    const uuid = (response.body.items[1] as unknown as { create: { error: { index_uuid: string } } }).create.error.index_uuid;
    const ok = (fields: Record<string, unknown>) => ({ _index: index, forced_refresh: true, _shards: SHARDS, _primary_term: 1, ...fields });
    expect({ ...response.body, took: 0 }).toEqual({
      took: 0,
      errors: true,
      items: [
        { index: ok({ _id: 'n2', _version: 1, result: 'created', _seq_no: 1, status: 201 }) },
        {
          create: {
            _index: index,
            _id: 'n1',
            status: 409,
            error: { type: 'version_conflict_engine_exception', reason: '[n1]: version conflict, document already exists (current version [1])', index, shard: '0', index_uuid: uuid },
          },
        },
        { update: ok({ _id: 'n1', _version: 2, result: 'updated', _seq_no: 2, status: 200 }) },
        { update: { _index: index, _id: 'missing', status: 404, error: { type: 'document_missing_exception', reason: '[missing]: document missing', index, shard: '0', index_uuid: uuid } } },
        { update: ok({ _id: 'n3', _version: 1, result: 'created', _seq_no: 3, status: 201 }) },
        { delete: ok({ _id: 'n2', _version: 2, result: 'deleted', _seq_no: 4, status: 200 }) },
        { delete: ok({ _id: 'never', _version: 1, result: 'not_found', _seq_no: 5, status: 404 }) },
      ],
    });
    const { body } = await client.search({ index, body: { query: { match_all: {} } } });
    expect(body.hits.hits.map((hit) => [hit._id, hit._source])).toEqual([
      ['n1', { title: 'Grey heron' }],
      ['n3', { title: 'Crane' }],
    ]);
  });

  it('takes the index from the path', async () => {
    const response = await running.client.bulk({ index, body: [{ index: { _id: 'a' } }, { title: 'Heron' }] });
    expect({ ...response.body, took: 0 }).toEqual({
      took: 0,
      errors: false,
      items: [{ index: { _index: index, _id: 'a', _version: 1, result: 'created', _shards: SHARDS, _seq_no: 0, _primary_term: 1, status: 201 } }],
    });
  });
});

describe('local search service: malformed bulk bodies', () => {
  const [local] = contractTargets(undefined);
  let running: RunningTarget;
  beforeAll(async () => {
    running = await local.start();
  });
  afterAll(async () => {
    await running.stop();
  });

  const post = (body: string) =>
    fetch(`${running.url}/_bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body }).then(async (response) => ({ status: response.status, body: (await response.json()) as { took?: number } }));
  const error = (status: number, type: string, reason: string) => ({ status, body: { error: { root_cause: [{ type, reason }], type, reason }, status } });

  it('refuses NDJSON whose action line is not JSON, naming the line', async () => {
    expect(await post('{"index":{"_index":"a"}}\n{"title":"x"}\n{oops\n')).toEqual(
      error(400, 'json_parse_exception', 'bulk line [3] is not valid JSON'),
    );
  });

  it('refuses an unknown action and a body without a final newline', async () => {
    expect(await post('{"upsert":{"_index":"a"}}\n{}\n')).toEqual(error(400, 'illegal_argument_exception', 'Malformed action/metadata line [1], expected one of [create, delete, index, update] but found [upsert]'));
    expect(await post('{"delete":{"_index":"a","_id":"1"}}')).toEqual(error(400, 'illegal_argument_exception', 'The bulk request must be terminated by a newline [\\n]'));
  });

  it('fails only the item whose document is not JSON', async () => {
    const response = await post('{"index":{"_index":"b","_id":"1"}}\n{"title":\n{"index":{"_index":"b","_id":"2"}}\n{"title":"ok"}\n');
    expect(response).toEqual({
      status: 200,
      body: {
        took: response.body.took,
        errors: true,
        items: [
          {
            index: {
              _index: 'b',
              _id: '1',
              status: 400,
              error: { type: 'mapper_parsing_exception', reason: 'failed to parse', caused_by: { type: 'json_parse_exception', reason: 'the document line is not valid JSON' } },
            },
          },
          { index: { _index: 'b', _id: '2', _version: 1, result: 'created', _shards: { total: 2, successful: 1, failed: 0 }, _seq_no: 0, _primary_term: 1, status: 201 } },
        ],
      },
    });
  });

  it('reads gzip-compressed bodies, as the client sends them with compression: gzip', async () => {
    const gzipClient = new Client({ node: running.url, compression: 'gzip' });
    const response = await gzipClient.bulk({ body: [{ index: { _index: 'zipped', _id: '1' } }, { title: 'Heron' }], refresh: true });
    await gzipClient.close();
    expect({ ...response.body, took: 0 }).toEqual({
      took: 0,
      errors: false,
      items: [{ index: { _index: 'zipped', _id: '1', _version: 1, result: 'created', forced_refresh: true, _shards: { total: 2, successful: 1, failed: 0 }, _seq_no: 0, _primary_term: 1, status: 201 } }],
    });
  });

  it('refuses item metadata it does not implement', async () => {
    expect(await refusal(running.client.bulk({ body: [{ index: { _index: 'c', _id: '1', routing: 'r' } }, { title: 'x' }] }))).toEqual(
      error(400, 'illegal_argument_exception', 'the local search service does not support [routing] in bulk action/metadata line [1]'),
    );
  });
});
