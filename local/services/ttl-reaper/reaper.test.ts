// The TTL reaper against a real DynamoDB Local. What counts as expired follows "How it works: DynamoDB
// Time to Live (TTL)" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html);
// the stream record of a TTL delete carries userIdentity { type: 'Service', principalId:
// 'dynamodb.amazonaws.com' } (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html).
import {
  type AttributeValue,
  CreateTableCommand,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  type DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { ManualClock } from '../clock';
import { localDynamoDbClient, startDynamoDbLocal, type DynamoDbLocalHandle } from '../dynamodb-local';
import { startStreamPoller, ttlDeleteKey, type DynamoDBStreamEventRecord, type StreamPoller, type TtlDeleteMarks } from '../streams';
import { startTtlReaper, type TtlReaper, TtlReaperStoppedError, type TtlTable } from './reaper';

jest.setTimeout(120_000);

const NOW = new Date('2026-07-01T00:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const DAY = 86_400;

/** Waits for a condition with a deadline; every wait in these tests is bounded. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('startTtlReaper', () => {
  let dynamoDb: DynamoDbLocalHandle;
  let client: DynamoDBClient;
  let reaper: TtlReaper | undefined;
  let poller: StreamPoller | undefined;
  let tableCount = 0;

  beforeAll(async () => {
    dynamoDb = await startDynamoDbLocal({ inMemory: true, log: () => undefined });
    client = localDynamoDbClient(dynamoDb.endpoint);
  });
  afterEach(async () => {
    await poller?.stop();
    await reaper?.stop();
    poller = undefined;
    reaper = undefined;
  });
  afterAll(async () => {
    client?.destroy();
    await dynamoDb?.stop();
  });

  async function createTable(name: string, keys: string[], stream = false): Promise<{ table: TtlTable; streamArn?: string }> {
    tableCount += 1;
    const tableName = `${name}${tableCount}`;
    const created = await client.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: keys.map((key, index) => ({ AttributeName: key, KeyType: index === 0 ? 'HASH' : 'RANGE' })),
        AttributeDefinitions: keys.map((key) => ({ AttributeName: key, AttributeType: 'S' })),
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: stream ? { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } : undefined,
      }),
    );
    return {
      table: { tableName, logicalId: `${name}Table`, keySchema: keys.map((key, index) => ({ attributeName: key, keyType: index === 0 ? 'HASH' : 'RANGE' })), ttlAttribute: 'expiresAt' },
      streamArn: created.TableDescription?.LatestStreamArn,
    };
  }

  const put = (table: TtlTable, item: Record<string, AttributeValue>) => client.send(new PutItemCommand({ TableName: table.tableName, Item: item }));
  /** Every item, ordered by its key attributes. */
  const scanAll = async (table: TtlTable) => {
    const keyOf = (item: Record<string, AttributeValue>) => table.keySchema.map(({ attributeName }) => item[attributeName]?.S).join('|');
    return ((await client.send(new ScanCommand({ TableName: table.tableName, ConsistentRead: true }))).Items ?? []).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  };
  const marksFor = () => {
    const byTable = new Map<string, TtlDeleteMarks>();
    const marks = (logicalId: string) => {
      const found = byTable.get(logicalId) ?? { keys: new Set<string>() };
      byTable.set(logicalId, found);
      return found;
    };
    return { byTable, marks };
  };

  it('deletes only the items whose TTL is a Number older than now and less than five years old, page by page', async () => {
    const { table: users } = await createTable('Users', ['id']);
    const { table: devices } = await createTable('Devices', ['userId', 'deviceId']);
    const expiredUser = { id: { S: 'u-expired' }, expiresAt: { N: String(NOW_SECONDS - DAY) } };
    const activeUser = { id: { S: 'u-active' }, expiresAt: { N: String(NOW_SECONDS + 30 * DAY) } };
    const stringTtl = { id: { S: 'u-string' }, expiresAt: { S: String(NOW_SECONDS - DAY) } };
    const ancient = { id: { S: 'u-ancient' }, expiresAt: { N: String(NOW_SECONDS - 6 * 365 * DAY) } };
    const noTtl = { id: { S: 'u-none' }, handle: { S: 'ada' } };
    const expiredUser2 = { id: { S: 'u-expired-2' }, expiresAt: { N: String(NOW_SECONDS - 1) } };
    for (const item of [expiredUser, activeUser, stringTtl, ancient, noTtl, expiredUser2]) await put(users, item);
    const expiredDevice = { userId: { S: 'u-expired' }, deviceId: { S: 'phone' }, expiresAt: { N: String(NOW_SECONDS - DAY) } };
    const activeDevice = { userId: { S: 'u-active' }, deviceId: { S: 'phone' }, expiresAt: { N: String(NOW_SECONDS + DAY) } };
    for (const item of [expiredDevice, activeDevice]) await put(devices, item);

    const log: string[] = [];
    const { byTable, marks } = marksFor();
    reaper = startTtlReaper({ client, tables: [users, devices], clock: new ManualClock(NOW), marks, log: (line) => log.push(line), pageSize: 2 });
    const reaped = await reaper.reapNow();
    const again = await reaper.reapNow();

    expect({
      reaped,
      again,
      users: await scanAll(users),
      devices: await scanAll(devices),
      marks: Object.fromEntries([...byTable].map(([id, found]) => [id, [...found.keys].sort()])),
      log,
    }).toEqual({
      reaped: 3,
      again: 0,
      users: [activeUser, ancient, noTtl, stringTtl],
      devices: [activeDevice],
      marks: {
        UsersTable: [ttlDeleteKey({ id: { S: 'u-expired' } }), ttlDeleteKey({ id: { S: 'u-expired-2' } })].sort(),
        DevicesTable: [ttlDeleteKey({ userId: { S: 'u-expired' }, deviceId: { S: 'phone' } })],
      },
      log: ['ttl: at 2026-07-01T00:00:00.000Z deleted 3 expired items (UsersTable 2, DevicesTable 1)'],
    });
  });

  it('keeps an item whose TTL was refreshed between the scan and the delete, and leaves it unmarked', async () => {
    const { table } = await createTable('Users', ['id']);
    const refreshedTtl = String(NOW_SECONDS + 180 * DAY);
    await put(table, { id: { S: 'u-refreshed' }, expiresAt: { N: String(NOW_SECONDS - DAY) } });
    await put(table, { id: { S: 'u-gone' }, expiresAt: { N: String(NOW_SECONDS - DAY) } });
    // The reaper's own client: just before it deletes u-refreshed, the user becomes active again.
    const racing = localDynamoDbClient(dynamoDb.endpoint);
    racing.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as DeleteItemCommandInput;
        if (context.commandName === 'DeleteItemCommand' && input.Key?.id?.S === 'u-refreshed') {
          await client.send(
            new UpdateItemCommand({ TableName: table.tableName, Key: { id: { S: 'u-refreshed' } }, UpdateExpression: 'SET expiresAt = :ttl', ExpressionAttributeValues: { ':ttl': { N: refreshedTtl } } }),
          );
        }
        return next(args);
      },
      { step: 'initialize' },
    );
    const log: string[] = [];
    const { byTable, marks } = marksFor();
    try {
      reaper = startTtlReaper({ client: racing, tables: [table], clock: new ManualClock(NOW), marks, log: (line) => log.push(line) });
      const reaped = await reaper.reapNow();
      expect({ reaped, items: await scanAll(table), marks: [...(byTable.get('UsersTable')?.keys ?? [])], log }).toEqual({
        reaped: 1,
        items: [{ id: { S: 'u-refreshed' }, expiresAt: { N: refreshedTtl } }],
        marks: [ttlDeleteKey({ id: { S: 'u-gone' } })],
        log: ['ttl: at 2026-07-01T00:00:00.000Z deleted 1 expired item (UsersTable 1); kept 1 refreshed since the scan'],
      });
    } finally {
      racing.destroy();
    }
  });

  it('stops after maxPagesPerTable pages and finishes on the next reap', async () => {
    const { table } = await createTable('LinkPreviews', ['url']);
    for (const url of ['a', 'b', 'c']) await put(table, { url: { S: `https://example.com/${url}` }, expiresAt: { N: String(NOW_SECONDS - DAY) } });
    const log: string[] = [];
    reaper = startTtlReaper({ client, tables: () => [table], clock: new ManualClock(NOW), marks: marksFor().marks, log: (line) => log.push(line), pageSize: 1, maxPagesPerTable: 2 });
    const first = await reaper.reapNow();
    const second = await reaper.reapNow();
    expect({ first, second, items: await scanAll(table), log }).toEqual({
      first: 2,
      second: 1,
      items: [],
      log: [
        'ttl: at 2026-07-01T00:00:00.000Z deleted 2 expired items (LinkPreviewsTable 2); stopped after 2 pages of LinkPreviewsTable, the rest waits for the next reap',
        'ttl: at 2026-07-01T00:00:00.000Z deleted 1 expired item (LinkPreviewsTable 1)',
      ],
    });
  });

  it('reaps on its interval with the clock of the moment, and refuses to reap once stopped', async () => {
    const { table } = await createTable('Users', ['id']);
    const clock = new ManualClock(NOW);
    await put(table, { id: { S: 'u-later' }, expiresAt: { N: String(NOW_SECONDS + DAY) } });
    const log: string[] = [];
    reaper = startTtlReaper({ client, tables: [table], clock, marks: marksFor().marks, log: (line) => log.push(line), intervalMs: 25 });
    clock.advance(2 * DAY * 1000);
    await waitFor(() => log.length > 0, 'a reap on the interval');
    await reaper.stop();
    const afterStop = await reaper.reapNow().then(
      () => 'resolved',
      (error: unknown) => error,
    );
    expect({ items: await scanAll(table), log, afterStop }).toEqual({
      items: [],
      log: ['ttl: at 2026-07-03T00:00:00.000Z deleted 1 expired item (UsersTable 1)'],
      afterStop: new TtlReaperStoppedError(),
    });
  });

  it("gives the reaper's REMOVE the TTL identity on the table's stream, and an ordinary delete none", async () => {
    const { table, streamArn } = await createTable('Users', ['id'], true);
    const streams = new DynamoDBStreamsClient({ endpoint: dynamoDb.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'outpost', secretAccessKey: 'outpost' } });
    const { marks } = marksFor();
    const expired = { id: { S: 'u-expired' }, expiresAt: { N: String(NOW_SECONDS - DAY) } };
    const deletedByHand = { id: { S: 'u-deleted' }, expiresAt: { N: String(NOW_SECONDS + DAY) } };
    const records: DynamoDBStreamEventRecord[] = [];
    try {
      poller = await startStreamPoller({
        streamsClient: streams,
        streamArn: streamArn as string,
        mapping: {
          functionName: 'cleanup',
          batchSize: 10,
          startingPosition: 'LATEST',
          maximumRetryAttempts: -1,
          reportBatchItemFailures: false,
          filterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['REMOVE'] }) }] },
        },
        invoke: async (_name, event) => {
          records.push(...event.Records);
          return { payload: null };
        },
        log: () => undefined,
        pollIntervalMs: 25,
        awsRegion: 'us-east-1',
        ttlDeletes: marks('UsersTable'),
      });
      await put(table, expired);
      await put(table, deletedByHand);
      await client.send(new DeleteItemCommand({ TableName: table.tableName, Key: { id: { S: 'u-deleted' } } }));
      reaper = startTtlReaper({ client, tables: [table], clock: new ManualClock(NOW), marks, log: () => undefined });
      await reaper.reapNow();
      await waitFor(() => records.length >= 2, 'both REMOVE records');
    } finally {
      await poller?.stop();
      poller = undefined;
      streams.destroy();
    }
    const remove = (keys: Record<string, AttributeValue>, oldImage: Record<string, AttributeValue>, extra: object) => ({
      eventID: expect.any(String),
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: keys,
        OldImage: oldImage,
        SequenceNumber: expect.any(String),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      ...extra,
      eventSourceARN: streamArn,
    });
    expect(records).toEqual([
      remove({ id: { S: 'u-deleted' } }, deletedByHand, {}),
      remove({ id: { S: 'u-expired' } }, expired, { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } }),
    ]);
  });
});
