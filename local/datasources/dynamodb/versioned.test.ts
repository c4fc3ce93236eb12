// A versioned data source (conflict detection VERSION, conflict handler NONE) with its Delta table,
// against real DynamoDB Local, with a clock the test moves.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { ManualClock } from '../../services/clock';
import { toJsonItem } from './attribute-values';
import { createDynamoDbDataSource, type DynamoDbDataSource } from './data-source';
import { createTable, startLocalDynamoDb, type LocalDynamoDb } from './testing/local-tables';

jest.setTimeout(120_000);

const T0 = Date.parse('2026-03-01T09:30:00.000Z');
const MINUTE = 60_000;
const DELTA_TTL_MINUTES = 1440;
const BASE_TTL_MINUTES = 43200;

// ConflictUnhandled is AppSync's error when "conflict detection finds a version mismatch and the
// conflict handler rejects the mutation", with the server's item:
// https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html (Errors).
// The message is the one AppSync sends, as in aws-amplify/amplify-android's conflict tests.
const conflict = (serverItem: unknown) => ({ error: { type: 'ConflictUnhandled', message: 'Conflict resolver rejects mutation.' }, result: serverItem });

describe('versioned DynamoDB data source', () => {
  let local: LocalDynamoDb;
  let clock: ManualClock;
  let notes: DynamoDbDataSource;

  const deltaRecords = async (): Promise<unknown[]> => {
    const output = await local.client.send(new ScanCommand({ TableName: 'NotesDelta', ConsistentRead: true }));
    return (output.Items ?? []).map(toJsonItem).sort((a, b) => String(a.ds_sk).localeCompare(String(b.ds_sk)));
  };

  beforeAll(async () => {
    local = await startLocalDynamoDb();
    await createTable(local.client, { name: 'Notes', hashKey: 'id' });
    await createTable(local.client, { name: 'NotesDelta', hashKey: 'ds_pk', rangeKey: 'ds_sk' });
    await createTable(local.client, { name: 'Drafts', hashKey: 'id' });
    clock = new ManualClock(new Date(T0));
    notes = createDynamoDbDataSource({
      client: local.client,
      tableName: 'Notes',
      versioned: true,
      deltaSyncConfig: { baseTableTtl: BASE_TTL_MINUTES, deltaSyncTableName: 'NotesDelta', deltaSyncTableTtl: DELTA_TTL_MINUTES },
      clock,
    });
  });

  afterAll(async () => {
    await local?.stop();
  });

  it('creates an item at _version 1 with _lastChangedAt, and records the change in the Delta table', async () => {
    // Metadata fields and Delta table schema: https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
    expect(await notes.invoke({ operation: 'PutItem', key: { id: { S: 'n1' } }, attributeValues: { title: { S: 'first' } } })).toEqual({
      result: { id: 'n1', title: 'first', _version: 1, _lastChangedAt: T0 },
    });
    expect(await deltaRecords()).toEqual([
      {
        ds_pk: 'Notes:2026-03-01',
        ds_sk: '09:30:00.000:n1:1',
        _ttl: T0 / 1000 + DELTA_TTL_MINUTES * 60,
        id: 'n1',
        title: 'first',
        _version: 1,
        _lastChangedAt: T0,
      },
    ]);
  });

  it('rejects a put over an existing item without its _version as a conflict, with the server item', async () => {
    expect(await notes.invoke({ operation: 'PutItem', key: { id: { S: 'n1' } }, attributeValues: { title: { S: 'blind overwrite' } } })).toEqual(
      conflict({ id: 'n1', title: 'first', _version: 1, _lastChangedAt: T0 }),
    );
  });

  it('updates at the current _version: the version goes up and _lastChangedAt moves', async () => {
    clock.set(new Date(T0 + MINUTE));
    expect(
      await notes.invoke({
        operation: 'UpdateItem',
        key: { id: { S: 'n1' } },
        update: { expression: 'SET title = :title', expressionValues: { ':title': { S: 'second' } } },
        _version: 1,
      }),
    ).toEqual({ result: { id: 'n1', title: 'second', _version: 2, _lastChangedAt: T0 + MINUTE } });
  });

  it('rejects an update at a stale _version as a conflict, with the server item', async () => {
    expect(
      await notes.invoke({
        operation: 'UpdateItem',
        key: { id: { S: 'n1' } },
        update: { expression: 'SET title = :title', expressionValues: { ':title': { S: 'stale' } } },
        _version: 1,
      }),
    ).toEqual(conflict({ id: 'n1', title: 'second', _version: 2, _lastChangedAt: T0 + MINUTE }));
  });

  it("reports a failed condition of the resolver's own, at the right version, as ConditionalCheckFailed", async () => {
    expect(
      await notes.invoke({
        operation: 'UpdateItem',
        key: { id: { S: 'n1' } },
        update: { expression: 'SET title = :title', expressionValues: { ':title': { S: 'third' } } },
        condition: { expression: 'title = :expected', expressionValues: { ':expected': { S: 'not second' } } },
        _version: 2,
      }),
    ).toEqual({
      error: { type: 'DynamoDB:ConditionalCheckFailedException', message: 'The conditional request failed (Service: DynamoDb, Status Code: 400)' },
      result: { id: 'n1', title: 'second', _version: 2, _lastChangedAt: T0 + MINUTE },
    });
  });

  it('refuses writes to the metadata fields as BadRequest', async () => {
    // "BadRequest: Client tries to update metadata fields (_version, _ttl, _lastChangedAt, _deleted)."
    const badRequest = (fields: string) => ({
      error: { type: 'BadRequest', message: `The metadata field(s) ${fields} of a versioned data source are managed by AppSync and cannot be written.` },
    });
    expect(
      await notes.invoke({ operation: 'UpdateItem', key: { id: { S: 'n1' } }, update: { expression: 'SET #v = :v', expressionNames: { '#v': '_version' }, expressionValues: { ':v': { N: 9 } } }, _version: 2 }),
    ).toEqual(badRequest('_version'));
    expect(await notes.invoke({ operation: 'PutItem', key: { id: { S: 'n9' } }, attributeValues: { _deleted: { BOOL: true }, _ttl: { N: 1 } } })).toEqual(
      badRequest('_deleted, _ttl'),
    );
  });

  it('refuses a delete without _version of an existing item as a conflict', async () => {
    expect(await notes.invoke({ operation: 'DeleteItem', key: { id: { S: 'n1' } } })).toEqual(
      conflict({ id: 'n1', title: 'second', _version: 2, _lastChangedAt: T0 + MINUTE }),
    );
  });

  it('deletes at the current _version by leaving a tombstone that expires after BaseTableTTL', async () => {
    clock.set(new Date(T0 + 2 * MINUTE));
    const tombstone = {
      id: 'n1',
      title: 'second',
      _version: 3,
      _deleted: true,
      _lastChangedAt: T0 + 2 * MINUTE,
      _ttl: (T0 + 2 * MINUTE) / 1000 + BASE_TTL_MINUTES * 60,
    };
    expect(await notes.invoke({ operation: 'DeleteItem', key: { id: { S: 'n1' } }, _version: 2 })).toEqual({ result: tombstone });
    expect(await notes.invoke({ operation: 'GetItem', key: { id: { S: 'n1' } }, consistentRead: true })).toEqual({ result: tombstone });
  });

  it('has recorded every change in the Delta table', async () => {
    const ttl = (at: number) => at / 1000 + DELTA_TTL_MINUTES * 60;
    expect(await deltaRecords()).toEqual([
      { ds_pk: 'Notes:2026-03-01', ds_sk: '09:30:00.000:n1:1', _ttl: ttl(T0), id: 'n1', title: 'first', _version: 1, _lastChangedAt: T0 },
      { ds_pk: 'Notes:2026-03-01', ds_sk: '09:31:00.000:n1:2', _ttl: ttl(T0 + MINUTE), id: 'n1', title: 'second', _version: 2, _lastChangedAt: T0 + MINUTE },
      {
        ds_pk: 'Notes:2026-03-01',
        ds_sk: '09:32:00.000:n1:3',
        // The Delta record's own _ttl (DeltaSyncTableTTL) replaces the tombstone's.
        _ttl: ttl(T0 + 2 * MINUTE),
        id: 'n1',
        title: 'second',
        _version: 3,
        _deleted: true,
        _lastChangedAt: T0 + 2 * MINUTE,
      },
    ]);
  });

  it('Sync without lastSync pages through the Base table, tombstones included, keeping the first startedAt', async () => {
    // Result { items, nextToken, scannedCount, startedAt }; "If a pagination token was included in the
    // request, this value will be the same as the one returned by the request for the first page".
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
    clock.set(new Date(T0 + 3 * MINUTE));
    await notes.invoke({ operation: 'PutItem', key: { id: { S: 'n2' } }, attributeValues: { title: { S: 'other' } } });
    clock.set(new Date(T0 + 4 * MINUTE));
    const first = await notes.invoke({ operation: 'Sync', limit: 1 });
    const token = (first as { result: { nextToken: string } }).result.nextToken;
    clock.set(new Date(T0 + 5 * MINUTE));
    const second = await notes.invoke({ operation: 'Sync', limit: 1, nextToken: token });
    const secondToken = (second as { result: { nextToken: string | null } }).result.nextToken;
    const third = await notes.invoke({ operation: 'Sync', limit: 1, nextToken: secondToken });
    // DynamoDB Local scans n1 before n2.
    expect([first, second, third]).toEqual([
      {
        result: {
          items: [{ id: 'n1', title: 'second', _version: 3, _deleted: true, _lastChangedAt: T0 + 2 * MINUTE, _ttl: (T0 + 2 * MINUTE) / 1000 + BASE_TTL_MINUTES * 60 }],
          nextToken: token,
          scannedCount: 1,
          startedAt: T0 + 4 * MINUTE,
        },
      },
      { result: { items: [{ id: 'n2', title: 'other', _version: 1, _lastChangedAt: T0 + 3 * MINUTE }], nextToken: secondToken, scannedCount: 1, startedAt: T0 + 4 * MINUTE } },
      { result: { items: [], nextToken: null, scannedCount: 0, startedAt: T0 + 4 * MINUTE } },
    ]);
  });

  it('Sync with lastSync returns the change records since then from the Delta table, across days', async () => {
    // Next day, another change.
    const nextDay = Date.parse('2026-03-02T08:00:00.000Z');
    clock.set(new Date(nextDay));
    await notes.invoke({ operation: 'UpdateItem', key: { id: { S: 'n2' } }, update: { expression: 'SET title = :t', expressionValues: { ':t': { S: 'changed' } } }, _version: 1 });
    clock.set(new Date(nextDay + MINUTE));
    const request = { operation: 'Sync', lastSync: T0 + MINUTE, limit: 2 };
    const first = await notes.invoke(request);
    const token = (first as { result: { nextToken: string } }).result.nextToken;
    const second = await notes.invoke({ ...request, nextToken: token });
    const secondToken = (second as { result: { nextToken: string } }).result.nextToken;
    // DynamoDB hands back a LastEvaluatedKey whenever it stops at the limit, so a last empty page follows.
    const third = await notes.invoke({ ...request, nextToken: secondToken });
    expect([first, second, third]).toEqual([
      {
        result: {
          items: [
            { id: 'n1', title: 'second', _version: 2, _lastChangedAt: T0 + MINUTE },
            { id: 'n1', title: 'second', _version: 3, _deleted: true, _lastChangedAt: T0 + 2 * MINUTE },
          ],
          nextToken: token,
          scannedCount: 2,
          startedAt: nextDay + MINUTE,
        },
      },
      {
        result: {
          items: [
            { id: 'n2', title: 'other', _version: 1, _lastChangedAt: T0 + 3 * MINUTE },
            { id: 'n2', title: 'changed', _version: 2, _lastChangedAt: nextDay },
          ],
          nextToken: secondToken,
          scannedCount: 2,
          startedAt: nextDay + MINUTE,
        },
      },
      { result: { items: [], nextToken: null, scannedCount: 0, startedAt: nextDay + MINUTE } },
    ]);
  });

  it('Sync with a filter and a lastSync older than DeltaSyncTableTTL reads the Base table', async () => {
    clock.set(new Date(Date.parse('2026-03-03T12:00:00.000Z')));
    expect(
      await notes.invoke({
        operation: 'Sync',
        lastSync: T0,
        filter: { expression: 'attribute_not_exists(#d)', expressionNames: { '#d': '_deleted' } },
      }),
    ).toEqual({
      result: {
        items: [{ id: 'n2', title: 'changed', _version: 2, _lastChangedAt: Date.parse('2026-03-02T08:00:00.000Z') }],
        nextToken: null,
        scannedCount: 2,
        startedAt: Date.parse('2026-03-03T12:00:00.000Z'),
      },
    });
  });

  it('Sync refuses a token it did not issue and a limit over 1000', async () => {
    expect(await notes.invoke({ operation: 'Sync', nextToken: 'eyJ2ZXJzaW9uIjoxfQ==' })).toEqual({
      error: {
        type: 'DynamoDB:UserIllegalArgumentException',
        message: 'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
      },
    });
    // "The maximum value for this field is 1000 items." (Sync docs.)
    expect(await notes.invoke({ operation: 'Sync', limit: 1001 })).toEqual({
      error: { type: 'MappingTemplate', message: "'$[limit]' must be between 1 and 1000, got 1001." },
    });
  });

  it('refuses batch and transaction writes, which versioned data sources do not support', async () => {
    // "UnsupportedOperation: Unsupported operation 'X'. Datasource Versioning only supports the
    // following operations (...)" (conflict-detection-and-resolution, Errors).
    const unsupported = (operation: string) => ({
      error: {
        type: 'UnsupportedOperation',
        message: `Unsupported operation '${operation}'. Datasource Versioning only supports the following operations (TransactGetItems,PutItem,BatchGetItem,Scan,Query,GetItem,DeleteItem,UpdateItem,Sync).`,
      },
    });
    expect(await notes.invoke({ operation: 'BatchPutItem', tables: { Notes: [{ id: { S: 'b1' } }] } })).toEqual(unsupported('BatchPutItem'));
    expect(await notes.invoke({ operation: 'BatchDeleteItem', tables: { Notes: [{ id: { S: 'b1' } }] } })).toEqual(unsupported('BatchDeleteItem'));
    expect(
      await notes.invoke({ operation: 'TransactWriteItems', transactItems: [{ table: 'Notes', operation: 'DeleteItem', key: { id: { S: 'b1' } } }] }),
    ).toEqual(unsupported('TransactWriteItems'));
  });

  it('reports a Delta table it cannot write as DeltaSyncWriteError, after the mutation happened', async () => {
    // "DeltaSyncWriteError: Failed to write delta sync record. Example: Mutation succeeded, but an
    // internal error occurred when trying to write to the delta sync table." (conflict-detection-and-resolution, Errors)
    const misconfigured = createDynamoDbDataSource({
      client: local.client,
      tableName: 'Drafts',
      versioned: true,
      deltaSyncConfig: { baseTableTtl: BASE_TTL_MINUTES, deltaSyncTableName: 'NoSuchDelta', deltaSyncTableTtl: DELTA_TTL_MINUTES },
      clock,
    });
    const now = clock.now().getTime();
    const written = { id: 'w1', body: 'kept', _version: 1, _lastChangedAt: now };
    expect(await misconfigured.invoke({ operation: 'PutItem', key: { id: { S: 'w1' } }, attributeValues: { body: { S: 'kept' } } })).toEqual({
      error: {
        type: 'DeltaSyncWriteError',
        message: 'Failed to write the delta sync record to NoSuchDelta: Cannot do operations on a non-existent table',
      },
      result: written,
    });
    expect(await misconfigured.invoke({ operation: 'GetItem', key: { id: { S: 'w1' } }, consistentRead: true })).toEqual({ result: written });
  });

  it('removes a deleted item at once when BaseTableTTL is 0', async () => {
    // "You can set this value to 0 if you want items to be removed immediately when they are deleted."
    const drafts = createDynamoDbDataSource({
      client: local.client,
      tableName: 'Drafts',
      versioned: true,
      deltaSyncConfig: { baseTableTtl: 0, deltaSyncTableName: 'NotesDelta', deltaSyncTableTtl: DELTA_TTL_MINUTES },
      clock,
    });
    const now = clock.now().getTime();
    await drafts.invoke({ operation: 'PutItem', key: { id: { S: 'd1' } }, attributeValues: { body: { S: 'draft' } } });
    expect(await drafts.invoke({ operation: 'DeleteItem', key: { id: { S: 'd1' } }, _version: 1 })).toEqual({
      result: { id: 'd1', body: 'draft', _version: 2, _deleted: true, _lastChangedAt: now },
    });
    expect(await drafts.invoke({ operation: 'GetItem', key: { id: { S: 'd1' } }, consistentRead: true })).toEqual({ result: null });
    expect(await drafts.invoke({ operation: 'DeleteItem', key: { id: { S: 'd1' } }, _version: 2 })).toEqual({ result: null });
  });
});
