// The indexer against the local OpenSearch-compatible service, driven by Notes stream records as
// Lambda delivers them (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html).
import { Logger } from '@aws-lambda-powertools/logger';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { NOTES_INDEX } from '../shared/opensearch-notes-index';
import { useSearchService } from '../shared/opensearch-testing';
import { createNotesIndexerHandler } from './handler';

const search = useSearchService();
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const NOW_SECONDS = Math.floor(NOW / 1000);
const silent = new Logger({ serviceName: 'notes-indexer-test', logLevel: 'SILENT' });

function createHandler() {
  return createNotesIndexerHandler(() => ({
    logger: silent,
    client: search.client(),
    retry: { maxAttempts: 3, baseDelayMs: 1, sleep: async () => undefined },
    now: () => NOW,
  }));
}
const handler = createHandler();

/** A Notes row as the versioned data source writes it. */
const note = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  spaceId: 'space-1',
  authorId: 'user-1',
  title: `Curlew ${id}`,
  body: `Seen at the estuary (${id})`,
  checklist: [{ id: 'c1', text: 'Bring binoculars', done: false }],
  tags: ['birds'],
  links: ['https://example.com/curlew'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  _version: 1,
  _lastChangedAt: 1767225600000,
  ...fields,
});

/** The document the index should hold for a note row. */
const indexed = (row: ReturnType<typeof note>) => {
  const { _version, _lastChangedAt, ...fields } = row;
  return { ...fields, version: _version, lastChangedAt: _lastChangedAt };
};

let sequence = 1000;
function record(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', row: Record<string, unknown>): DynamoDBRecord {
  sequence += 1;
  const image = marshall(row, { removeUndefinedValues: true }) as never;
  return {
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: marshall({ id: row.id }) as never,
      ...(eventName === 'REMOVE' ? { OldImage: image } : { NewImage: image }),
      SequenceNumber: String(sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** Every document of the index whose id starts with the prefix, by id. */
async function documents(prefix: string): Promise<unknown[]> {
  await search.client().indices.refresh({ index: NOTES_INDEX });
  const response = await search.client().search({ index: NOTES_INDEX, body: { query: { match_all: {} }, size: 100, sort: [{ id: { order: 'asc' } }] } as never });
  const hits = (response.body as unknown as { hits: { hits: { _id: string; _source: unknown }[] } }).hits.hits;
  return hits.filter((hit) => hit._id.startsWith(prefix)).map((hit) => hit._source);
}

describe('notes-indexer', () => {
  it('indexes new notes, overwrites a changed one, and removes a deleted, an expired and a removed one', async () => {
    const [a, b, c, d] = ['a1', 'a2', 'a3', 'a4'].map((id) => note(id));
    expect(await handler({ Records: [a, b, c, d].map((row) => record('INSERT', row)) })).toEqual({ batchItemFailures: [] });
    expect(await documents('a')).toEqual([a, b, c, d].map(indexed));

    const renamed = note('a1', { title: 'Whimbrel, not a curlew', _version: 2, _lastChangedAt: 1767312000000 });
    // AppSync's delete leaves a tombstone: `_deleted` and a `_ttl` for DynamoDB to remove it later
    // (https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-sync.html).
    const tombstone = note('a2', { _deleted: true, _ttl: NOW_SECONDS + 86_400, _version: 2 });
    const expired = note('a3', { _ttl: NOW_SECONDS - 1 });
    const batch = [record('MODIFY', renamed), record('MODIFY', tombstone), record('MODIFY', expired), record('REMOVE', d)];
    expect(await handler({ Records: batch })).toEqual({ batchItemFailures: [] });
    expect(await documents('a')).toEqual([indexed(renamed)]);
  });

  it('applies only the last change of a note within a batch', async () => {
    const first = note('b1');
    const second = note('b1', { title: 'Second draft', _version: 2 });
    const created = note('b2');
    const deleted = note('b2', { _deleted: true, _version: 2 });
    const batch = [record('INSERT', first), record('MODIFY', second), record('INSERT', created), record('MODIFY', deleted)];
    expect(await handler({ Records: batch })).toEqual({ batchItemFailures: [] });
    expect(await documents('b')).toEqual([indexed(second)]);
  });

  it('treats a removal of a note the index never held as done, so a redelivered batch succeeds again', async () => {
    const row = note('c1');
    const batch = [record('INSERT', row), record('REMOVE', row), record('REMOVE', note('c2'))];
    expect(await handler({ Records: batch })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: batch })).toEqual({ batchItemFailures: [] });
    expect(await documents('c')).toEqual([]);
  });

  it('reports the records it cannot index, by sequence number, and indexes the rest', async () => {
    const good = record('INSERT', note('d1'));
    const untitled = record('INSERT', { ...note('d2'), title: undefined });
    const noVersion = record('MODIFY', { ...note('d3'), _version: 'one' });
    expect(await handler({ Records: [untitled, good, noVersion] })).toEqual({
      batchItemFailures: [{ itemIdentifier: untitled.dynamodb!.SequenceNumber }, { itemIdentifier: noVersion.dynamodb!.SequenceNumber }],
    });
    expect(await documents('d')).toEqual([indexed(note('d1'))]);
  });

  it('reports every record of a note OpenSearch refuses', async () => {
    const first = record('INSERT', note('e1'));
    const badDate = record('MODIFY', note('e1', { updatedAt: 'last Tuesday', _version: 2 }));
    const other = record('INSERT', note('e2'));
    expect(await handler({ Records: [first, badDate, other] })).toEqual({
      batchItemFailures: [{ itemIdentifier: first.dynamodb!.SequenceNumber }, { itemIdentifier: badDate.dynamodb!.SequenceNumber }],
    });
    expect(await documents('e')).toEqual([indexed(note('e2'))]);
  });
});
