// Index and cluster APIs through the official client, against every contract target.
// Shapes: https://docs.opensearch.org/latest/api-reference/index-apis/create-index/,
// https://docs.opensearch.org/latest/api-reference/cluster-api/cluster-health/
import { contractTargets, refusal, uniqueIndex, type RunningTarget } from './testing/contract-targets';

const NOTE_MAPPINGS: { properties: Record<string, { type: 'text' | 'keyword' | 'date'; analyzer?: string }> } = {
  properties: {
    title: { type: 'text' },
    body: { type: 'text', analyzer: 'standard' },
    tags: { type: 'keyword' },
    spaceId: { type: 'keyword' },
    updatedAt: { type: 'date' },
  },
};

describe.each(contractTargets(process.env.OPENSEARCH_URL))('$name', (target) => {
  let running: RunningTarget;
  beforeAll(async () => {
    running = await target.start();
  });
  afterAll(async () => {
    await running.stop();
  });

  it('creates an index, reports it exists, returns its mapping and deletes it', async () => {
    const index = uniqueIndex('indices');
    const { client } = running;
    expect((await client.indices.exists({ index })).body).toBe(false);
    expect((await client.indices.create({ index, body: { settings: { number_of_shards: 1 }, mappings: NOTE_MAPPINGS } })).body).toEqual({
      acknowledged: true,
      shards_acknowledged: true,
      index,
    });
    expect((await client.indices.exists({ index })).body).toBe(true);
    expect((await client.indices.getMapping({ index })).body).toEqual({ [index]: { mappings: NOTE_MAPPINGS } });
    expect((await client.indices.delete({ index })).body).toEqual({ acknowledged: true });
    expect((await client.indices.exists({ index })).body).toBe(false);
  });

  it('refuses to create an index twice (400) and to delete a missing one (404)', async () => {
    const index = uniqueIndex('indices');
    const { client } = running;
    await client.indices.create({ index });
    const uuid = (await refusal(client.indices.create({ index }))) as { status: number; body: { error: { index_uuid: string } } };
    const alreadyExists = { type: 'resource_already_exists_exception', reason: `index [${index}/${uuid.body.error.index_uuid}] already exists`, index, index_uuid: uuid.body.error.index_uuid };
    expect(uuid).toEqual({ status: 400, body: { error: { root_cause: [alreadyExists], ...alreadyExists }, status: 400 } });
    await client.indices.delete({ index });
    const missing = { type: 'index_not_found_exception', reason: `no such index [${index}]`, index, 'resource.id': index, 'resource.type': 'index_or_alias', index_uuid: '_na_' };
    expect(await refusal(client.indices.delete({ index }))).toEqual({ status: 404, body: { error: { root_cause: [missing], ...missing }, status: 404 } });
  });

  it('maps new fields dynamically: strings as text with a keyword sub-field, ISO dates as date, numbers as long or float', async () => {
    const index = uniqueIndex('dynamic');
    const { client } = running;
    await client.index({ index, id: '1', body: { title: 'Heron', seenAt: '2024-05-01T06:30:00Z', count: 3, weight: 1.5, done: false, place: { name: 'River' } } });
    expect((await client.indices.getMapping({ index })).body).toEqual({
      [index]: {
        mappings: {
          properties: {
            title: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
            seenAt: { type: 'date' },
            count: { type: 'long' },
            weight: { type: 'float' },
            done: { type: 'boolean' },
            place: { properties: { name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } } } },
          },
        },
      },
    });
    await client.indices.delete({ index });
  });

  it('refreshes an index and reports its shards', async () => {
    const index = uniqueIndex('refresh');
    const { client } = running;
    await client.indices.create({ index, body: { settings: { number_of_shards: 1, number_of_replicas: 0 } } });
    expect((await client.indices.refresh({ index })).body).toEqual({ _shards: { total: 1, successful: 1, failed: 0 } });
    await client.indices.delete({ index });
  });
});

describe('local search service', () => {
  const [local] = contractTargets(undefined);
  let running: RunningTarget;
  beforeAll(async () => {
    running = await local.start();
  });
  afterAll(async () => {
    await running.stop();
  });

  it('answers ping and info like a one-node OpenSearch 2.19', async () => {
    expect((await running.client.ping()).body).toBe(true);
    const info = (await running.client.info()).body;
    expect(info).toEqual({
      name: 'outpost-local',
      cluster_name: 'outpost-local',
      cluster_uuid: info.cluster_uuid,
      version: {
        distribution: 'opensearch',
        number: '2.19.0',
        build_type: 'outpost-local',
        build_hash: 'outpost-local',
        build_date: '2025-02-10T00:00:00.000000Z',
        build_snapshot: false,
        lucene_version: '9.12.1',
        minimum_wire_compatibility_version: '7.10.0',
        minimum_index_compatibility_version: '7.0.0',
      },
      tagline: 'The OpenSearch Project: https://opensearch.org/',
    });
    expect(info.cluster_uuid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports health: yellow while an index has replicas a single node cannot place, green without', async () => {
    const health = (status: string, primaries: number, unassigned: number, activePercent: number) => ({
      cluster_name: 'outpost-local',
      status,
      timed_out: false,
      number_of_nodes: 1,
      number_of_data_nodes: 1,
      discovered_master: true,
      discovered_cluster_manager: true,
      active_primary_shards: primaries,
      active_shards: primaries,
      relocating_shards: 0,
      initializing_shards: 0,
      unassigned_shards: unassigned,
      delayed_unassigned_shards: 0,
      number_of_pending_tasks: 0,
      number_of_in_flight_fetch: 0,
      task_max_waiting_in_queue_millis: 0,
      active_shards_percent_as_number: activePercent,
    });
    const { client } = running;
    expect((await client.cluster.health()).body).toEqual(health('green', 0, 0, 100));
    await client.indices.create({ index: 'no-replicas', body: { settings: { number_of_replicas: 0 } } });
    expect((await client.cluster.health()).body).toEqual(health('green', 1, 0, 100));
    await client.indices.create({ index: 'one-replica' });
    expect((await client.cluster.health()).body).toEqual(health('yellow', 2, 1, 200 / 3));
    expect(await refusal(client.cluster.health({ wait_for_status: 'green' }))).toEqual({ status: 408, body: { ...health('yellow', 2, 1, 200 / 3), timed_out: true } });
    await client.indices.delete({ index: 'no-replicas' });
    await client.indices.delete({ index: 'one-replica' });
  });

  it('refuses settings, mapping types and analyzers it does not implement, naming them', async () => {
    const { client } = running;
    const refused = (reason: string) => {
      const cause = { type: 'illegal_argument_exception', reason };
      return { status: 400, body: { error: { root_cause: [cause], ...cause }, status: 400 } };
    };
    expect(await refusal(client.indices.create({ index: 'x', body: { settings: { 'index.knn': true } } }))).toEqual(refused('the local search service does not support index setting [index.knn]'));
    expect(await refusal(client.indices.create({ index: 'x', body: { mappings: { properties: { at: { type: 'geo_point' } } } } }))).toEqual(
      refused('the local search service does not support field type [geo_point] of [at]'),
    );
    expect(await refusal(client.indices.create({ index: 'x', body: { mappings: { properties: { body: { type: 'text', analyzer: 'english' } } } } }))).toEqual(
      refused('the local search service does not support analyzer [english]: it has no stemmers; use standard or a custom analyzer'),
    );
    expect((await client.indices.exists({ index: 'x' })).body).toBe(false);
  });

  it('refuses an invalid index name', async () => {
    const cause = { type: 'invalid_index_name_exception', reason: 'Invalid index name [Notes], must be lowercase', index: 'Notes', index_uuid: '_na_' };
    expect(await refusal(running.client.indices.create({ index: 'Notes' }))).toEqual({ status: 400, body: { error: { root_cause: [cause], ...cause }, status: 400 } });
  });
});
