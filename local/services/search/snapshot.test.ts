// Persistence: with a data dir, the indices are written after writes (debounced) and on stop, and
// read back on start, so search survives a restart of Outpost Local.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { localTarget } from './testing/contract-targets';
import { SnapshotReadError } from './snapshot';
import { startSearchService } from './service';

describe('local search service: snapshots', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'outpost-search-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes back after a restart with its indices, mappings, documents, versions and search', async () => {
    const first = await localTarget({ dataDir }).start();
    await first.client.indices.create({ index: 'notes', body: { settings: { number_of_replicas: 0 }, mappings: { properties: { title: { type: 'text' }, spaceId: { type: 'keyword' } } } } });
    await first.client.index({ index: 'notes', id: 'n1', body: { title: 'Grey heron', spaceId: 's1' } });
    await first.client.index({ index: 'notes', id: 'n1', body: { title: 'Grey heron at dawn', spaceId: 's1' } });
    // Not yet refreshed when the service stops: durable all the same, as OpenSearch's translog makes it.
    await first.client.index({ index: 'notes', id: 'n2', body: { title: 'Egret', spaceId: 's2', extra: 7 } });
    await first.stop();

    const second = await localTarget({ dataDir }).start();
    expect((await second.client.indices.getMapping({ index: 'notes' })).body).toEqual({
      notes: { mappings: { properties: { title: { type: 'text' }, spaceId: { type: 'keyword' }, extra: { type: 'long' } } } },
    });
    expect((await second.client.get({ index: 'notes', id: 'n1' })).body).toEqual({
      _index: 'notes',
      _id: 'n1',
      _version: 2,
      _seq_no: 1,
      _primary_term: 1,
      found: true,
      _source: { title: 'Grey heron at dawn', spaceId: 's1' },
    });
    const search = await second.client.search({ index: 'notes', body: { query: { bool: { must: { match: { title: 'heron' } }, filter: { term: { spaceId: 's1' } } } }, _source: false } });
    expect(search.body.hits.hits.map((hit) => hit._id)).toEqual(['n1']);
    // Sequence numbers continue where they stopped.
    expect((await second.client.index({ index: 'notes', id: 'n3', body: { title: 'Crane' } })).body._seq_no).toBe(3);
    await second.stop();
  });

  it('writes the snapshot shortly after a write, without waiting for stop', async () => {
    const service = await startSearchService({ dataDir, log: () => undefined, snapshotDelayMs: 50 });
    await fetch(`${service.url}/notes/_doc/n1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"title":"Heron"}' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const written = JSON.parse(readFileSync(path.join(dataDir, 'indices.json'), 'utf8')) as { version: number; indices: { name: string; documents: unknown[] }[] };
    expect(written.indices.map(({ name, documents }) => ({ name, documents }))).toEqual([{ name: 'notes', documents: [['n1', 1, 0, { title: 'Heron' }]] }]);
    await service.stop();
  });

  it('refuses to start on a snapshot it cannot read, saying how to recover', async () => {
    writeFileSync(path.join(dataDir, 'indices.json'), '{not json');
    await expect(startSearchService({ dataDir, log: () => undefined })).rejects.toEqual(
      new SnapshotReadError(`The search snapshot ${path.join(dataDir, 'indices.json')} is not valid JSON; remove it to start with no indices.`),
    );
  });
});
