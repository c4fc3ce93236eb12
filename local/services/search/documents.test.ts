// Document APIs and near-real-time visibility, through the official client, against every target.
// https://docs.opensearch.org/latest/api-reference/document-apis/index-document/ (versions, results),
// https://docs.opensearch.org/latest/api-reference/document-apis/get-documents/ (GET is real time),
// https://docs.opensearch.org/latest/api-reference/document-apis/update-document/ (noop, doc_as_upsert).
import { contractTargets, refusal, uniqueIndex, type RunningTarget } from './testing/contract-targets';

const SHARDS = { total: 1, successful: 1, failed: 0 };
const SETTINGS = { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '-1' };

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
    index = uniqueIndex('docs');
    // No automatic refresh: a test decides when writes become searchable.
    await running.client.indices.create({ index, body: { settings: SETTINGS, mappings: { properties: { title: { type: 'text' }, spaceId: { type: 'keyword' } } } } });
  });
  afterEach(async () => {
    await running.client.indices.delete({ index });
  });

  const hitIds = async () => {
    const { body } = await running.client.search({ index, body: { query: { match: { title: 'heron' } } } });
    return body.hits.hits.map((hit) => hit._id);
  };

  it('versions writes: created, updated, deleted, then not_found, with increasing sequence numbers', async () => {
    const { client } = running;
    const created = await client.index({ index, id: 'n1', body: { title: 'Heron', spaceId: 's1' } });
    expect({ status: created.statusCode, body: created.body }).toEqual({
      status: 201,
      body: { _index: index, _id: 'n1', _version: 1, result: 'created', _shards: SHARDS, _seq_no: 0, _primary_term: 1 },
    });
    const updated = await client.index({ index, id: 'n1', body: { title: 'Grey heron', spaceId: 's1' } });
    expect({ status: updated.statusCode, body: updated.body }).toEqual({
      status: 200,
      body: { _index: index, _id: 'n1', _version: 2, result: 'updated', _shards: SHARDS, _seq_no: 1, _primary_term: 1 },
    });
    expect((await client.get({ index, id: 'n1' })).body).toEqual({
      _index: index,
      _id: 'n1',
      _version: 2,
      _seq_no: 1,
      _primary_term: 1,
      found: true,
      _source: { title: 'Grey heron', spaceId: 's1' },
    });
    expect((await client.delete({ index, id: 'n1' })).body).toEqual({ _index: index, _id: 'n1', _version: 3, result: 'deleted', _shards: SHARDS, _seq_no: 2, _primary_term: 1 });
    expect(await refusal(client.get({ index, id: 'n1' }))).toEqual({ status: 404, body: { _index: index, _id: 'n1', found: false } });
    expect(await refusal(client.delete({ index, id: 'n1' }))).toEqual({
      status: 404,
      body: { _index: index, _id: 'n1', _version: 4, result: 'not_found', _shards: SHARDS, _seq_no: 3, _primary_term: 1 },
    });
  });

  it('makes writes searchable on refresh, while GET sees them at once', async () => {
    const { client } = running;
    await client.index({ index, id: 'n1', body: { title: 'Heron at dawn' } });
    expect((await client.get({ index, id: 'n1' })).body._source).toEqual({ title: 'Heron at dawn' });
    expect(await hitIds()).toEqual([]);
    await client.indices.refresh({ index });
    expect(await hitIds()).toEqual(['n1']);
    await client.delete({ index, id: 'n1' });
    expect(await hitIds()).toEqual(['n1']);
    await client.indices.refresh({ index });
    expect(await hitIds()).toEqual([]);
  });

  it('refreshes with ?refresh=true, saying so in forced_refresh', async () => {
    const response = await running.client.index({ index, id: 'n1', body: { title: 'Heron' }, refresh: true });
    expect(response.body).toEqual({ _index: index, _id: 'n1', _version: 1, result: 'created', forced_refresh: true, _shards: SHARDS, _seq_no: 0, _primary_term: 1 });
    expect(await hitIds()).toEqual(['n1']);
  });

  it('creates with op_type create only when the id is new (409 otherwise)', async () => {
    const { client } = running;
    await client.create({ index, id: 'n1', body: { title: 'Heron' } });
    const refused = await refusal(client.create({ index, id: 'n1', body: { title: 'Other' } }));
    const uuid = (refused.body as { error: { index_uuid: string } }).error.index_uuid;
    const cause = { type: 'version_conflict_engine_exception', reason: '[n1]: version conflict, document already exists (current version [1])', index, shard: '0', index_uuid: uuid };
    expect(refused).toEqual({ status: 409, body: { error: { root_cause: [cause], ...cause }, status: 409 } });
  });

  it('updates a partial document, reports noop when nothing changes, and upserts with doc_as_upsert', async () => {
    const { client } = running;
    await client.index({ index, id: 'n1', body: { title: 'Heron', spaceId: 's1' } });
    expect((await client.update({ index, id: 'n1', body: { doc: { title: 'Grey heron' } } })).body).toEqual({
      _index: index,
      _id: 'n1',
      _version: 2,
      result: 'updated',
      _shards: SHARDS,
      _seq_no: 1,
      _primary_term: 1,
    });
    expect((await client.get({ index, id: 'n1' })).body._source).toEqual({ title: 'Grey heron', spaceId: 's1' });
    expect((await client.update({ index, id: 'n1', body: { doc: { title: 'Grey heron' } } })).body).toEqual({
      _index: index,
      _id: 'n1',
      _version: 2,
      result: 'noop',
      _shards: { total: 0, successful: 0, failed: 0 },
      _seq_no: 1,
      _primary_term: 1,
    });
    const upserted = await client.update({ index, id: 'n2', body: { doc: { title: 'Egret' }, doc_as_upsert: true } });
    expect({ status: upserted.statusCode, body: upserted.body }).toEqual({
      status: 201,
      body: { _index: index, _id: 'n2', _version: 1, result: 'created', _shards: SHARDS, _seq_no: 2, _primary_term: 1 },
    });
    const missing = await refusal(client.update({ index, id: 'n3', body: { doc: { title: 'Crane' } } }));
    const uuid = (missing.body as { error: { index_uuid: string } }).error.index_uuid;
    const cause = { type: 'document_missing_exception', reason: '[n3]: document missing', index, shard: '0', index_uuid: uuid };
    expect(missing).toEqual({ status: 404, body: { error: { root_cause: [cause], ...cause }, status: 404 } });
  });

  it('refuses a document whose value does not fit the mapped type', async () => {
    await running.client.indices.delete({ index });
    await running.client.indices.create({ index, body: { settings: SETTINGS, mappings: { properties: { updatedAt: { type: 'date' }, count: { type: 'integer' } } } } });
    const refused = (await refusal(running.client.index({ index, id: 'n1', body: { count: 'many' } }))) as { status: number; body: { error: { type: string; reason: string } } };
    expect({ status: refused.status, type: refused.body.error.type, reason: refused.body.error.reason }).toEqual({
      status: 400,
      type: 'mapper_parsing_exception',
      reason: "failed to parse field [count] of type [integer] in document with id 'n1'. Preview of field's value: 'many'",
    });
  });
});

describe('local search service: refresh interval', () => {
  it('makes writes searchable within the refresh interval, and ?refresh=wait_for answers once they are', async () => {
    const [local] = contractTargets(undefined);
    const running = await local.start();
    const { client } = running;
    await client.indices.create({ index: 'notes', body: { settings: { refresh_interval: '200ms' } } });
    const searchIds = async () => (await client.search({ index: 'notes' })).body.hits.hits.map((hit) => hit._id);
    const started = Date.now();
    const waited = await client.index({ index: 'notes', id: 'n1', body: { title: 'Heron' }, refresh: 'wait_for' });
    expect(waited.body).toEqual({ _index: 'notes', _id: 'n1', _version: 1, result: 'created', _shards: { total: 2, successful: 1, failed: 0 }, _seq_no: 0, _primary_term: 1 });
    expect(await searchIds()).toEqual(['n1']);
    expect(Date.now() - started).toBeLessThan(2000);
    await client.index({ index: 'notes', id: 'n2', body: { title: 'Egret' } });
    expect(await searchIds()).toEqual(['n1']);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await searchIds()).toEqual(['n1', 'n2']);
    await running.stop();
  });
});
