// The stream poller against a real DynamoDB Local. Events are compared with the DynamoDB event
// Lambda delivers (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, "Example event"); ids,
// sequence numbers and times come from DynamoDB Local, so those fields are matched by type.
import * as path from 'node:path';
import { CreateTableCommand, DeleteItemCommand, type DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { localDynamoDbClient, startDynamoDbLocal, type DynamoDbLocalHandle } from '../dynamodb-local';
import { createLambdaRuntime } from '../lambda';
import type { InvokeResult } from '../lambda';
import type { DeliveryFailure } from './batch-delivery';
import type { DynamoDBStreamEvent, DynamoDBStreamEventRecord } from './event-record';
import { startStreamPoller, type StreamMapping, type StreamPoller } from './poller';
import { markTtlDelete, type TtlDeleteMarks } from './ttl-deletes';

jest.setTimeout(120_000);

const REGION = 'eu-west-1';
const RETRY_DELAY = { baseMs: 10, maxMs: 40 };

/** Waits for a condition with a deadline; every wait in these tests is bounded. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A record as Lambda delivers it; what DynamoDB Local generates is matched by type. */
function expectedRecord(
  eventName: DynamoDBStreamEventRecord['eventName'],
  streamArn: string,
  dynamodb: Pick<DynamoDBStreamEventRecord['dynamodb'], 'Keys' | 'NewImage' | 'OldImage'>,
  extra: Partial<DynamoDBStreamEventRecord> = {},
): unknown {
  return {
    eventID: expect.any(String),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: REGION,
    dynamodb: {
      ApproximateCreationDateTime: expect.any(Number),
      ...dynamodb,
      SequenceNumber: expect.any(String),
      SizeBytes: expect.any(Number),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...extra,
    eventSourceARN: streamArn,
  };
}

describe('startStreamPoller', () => {
  let dynamoDb: DynamoDbLocalHandle;
  let client: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  let poller: StreamPoller | undefined;
  let tableCount = 0;

  beforeAll(async () => {
    dynamoDb = await startDynamoDbLocal({ inMemory: true, log: () => undefined });
    client = localDynamoDbClient(dynamoDb.endpoint);
    streams = new DynamoDBStreamsClient({ endpoint: dynamoDb.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'outpost', secretAccessKey: 'outpost' } });
  });
  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
  });
  afterAll(async () => {
    streams?.destroy();
    client?.destroy();
    await dynamoDb?.stop();
  });

  async function createTable(): Promise<{ table: string; streamArn: string }> {
    tableCount += 1;
    const table = `Notes${tableCount}`;
    const created = await client.send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    return { table, streamArn: created.TableDescription?.LatestStreamArn as string };
  }

  const put = (table: string, id: string, title: string, extra: Record<string, { BOOL: boolean }> = {}) =>
    client.send(new PutItemCommand({ TableName: table, Item: { id: { S: id }, title: { S: title }, ...extra } }));
  const remove = (table: string, id: string) => client.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: id } } }));

  /** An in-process function: records each event and answers with `answer`. */
  function recorder(answer: (event: DynamoDBStreamEvent, call: number) => InvokeResult) {
    const events: DynamoDBStreamEvent[] = [];
    const invoke = async (_name: string, event: DynamoDBStreamEvent): Promise<InvokeResult> => {
      events.push(event);
      return answer(event, events.length);
    };
    return { events, invoke };
  }

  function mapping(overrides: Partial<StreamMapping> = {}): StreamMapping {
    return { functionName: 'indexer', batchSize: 2, startingPosition: 'TRIM_HORIZON', maximumRetryAttempts: -1, reportBatchItemFailures: false, ...overrides };
  }

  const idOf = (record: DynamoDBStreamEventRecord): string => (record.dynamodb.Keys.id as { S: string }).S;
  const keysOf = (event: DynamoDBStreamEvent) => event.Records.map((record) => `${record.eventName} ${idOf(record)}`);

  it('delivers inserts, modifies and removes in order, in batches of BatchSize', async () => {
    const { table, streamArn } = await createTable();
    await put(table, 'n1', 'Field day');
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: 'n1' } },
        UpdateExpression: 'SET title = :title',
        ExpressionAttributeValues: { ':title': { S: 'Field day (edited)' } },
      }),
    );
    await put(table, 'n2', 'Harvest');
    await remove(table, 'n1');
    const fn = recorder(() => ({ payload: null }));
    poller = await startStreamPoller({ streamsClient: streams, streamArn, mapping: mapping(), invoke: fn.invoke, log: () => undefined, pollIntervalMs: 50, awsRegion: REGION });
    await waitFor(() => fn.events.length >= 2, 'two batches');

    const n1 = { id: { S: 'n1' }, title: { S: 'Field day' } };
    const n1Edited = { id: { S: 'n1' }, title: { S: 'Field day (edited)' } };
    const n2 = { id: { S: 'n2' }, title: { S: 'Harvest' } };
    expect(fn.events).toEqual([
      {
        Records: [
          expectedRecord('INSERT', streamArn, { Keys: { id: { S: 'n1' } }, NewImage: n1 }),
          expectedRecord('MODIFY', streamArn, { Keys: { id: { S: 'n1' } }, NewImage: n1Edited, OldImage: n1 }),
        ],
      },
      {
        Records: [
          expectedRecord('INSERT', streamArn, { Keys: { id: { S: 'n2' } }, NewImage: n2 }),
          expectedRecord('REMOVE', streamArn, { Keys: { id: { S: 'n1' } }, OldImage: n1Edited }),
        ],
      },
    ]);
  });

  it('starts at LATEST: only writes made after the poller started are delivered', async () => {
    const { table, streamArn } = await createTable();
    await put(table, 'before', 'written before');
    const fn = recorder(() => ({ payload: null }));
    poller = await startStreamPoller({ streamsClient: streams, streamArn, mapping: mapping({ startingPosition: 'LATEST' }), invoke: fn.invoke, log: () => undefined, pollIntervalMs: 50 });
    await put(table, 'after', 'written after');
    await waitFor(() => fn.events.length >= 1, 'one batch');
    expect(fn.events.map(keysOf)).toEqual([['INSERT after']]);
  });

  // DynamoDB Local answers a stored iterator of an empty shard with TrimmedDataAccessException once
  // another table was written in between; the poller takes a new iterator and goes on.
  it('keeps delivering after the stream refuses an iterator it handed out for an empty shard', async () => {
    const { table, streamArn } = await createTable();
    const other = await createTable();
    const fn = recorder(() => ({ payload: null }));
    poller = await startStreamPoller({ streamsClient: streams, streamArn, mapping: mapping({ startingPosition: 'LATEST' }), invoke: fn.invoke, log: () => undefined, pollIntervalMs: 50 });
    // Several empty reads, so the poller holds an iterator from an empty read.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await put(other.table, 'elsewhere', 'another table');
    await put(table, 'after', 'written after');
    await waitFor(() => fn.events.length >= 1, 'one batch');
    expect(fn.events.map(keysOf)).toEqual([['INSERT after']]);
  });

  it('admits only the REMOVE records the TTL reaper marked, with the identity DynamoDB gives TTL deletes', async () => {
    const { table, streamArn } = await createTable();
    const ttlDeletes: TtlDeleteMarks = { keys: new Set() };
    for (const id of ['u1', 'u2', 'u3']) await put(table, id, `user ${id}`);
    markTtlDelete(ttlDeletes, { id: { S: 'u1' } });
    await remove(table, 'u1');
    await remove(table, 'u2');
    markTtlDelete(ttlDeletes, { id: { S: 'u3' } });
    await remove(table, 'u3');
    const fn = recorder(() => ({ payload: null }));
    const ttlOnly = { eventName: ['REMOVE'], userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } };
    poller = await startStreamPoller({
      streamsClient: streams,
      streamArn,
      mapping: mapping({ batchSize: 10, filterCriteria: { Filters: [{ Pattern: JSON.stringify(ttlOnly) }] } }),
      invoke: fn.invoke,
      log: () => undefined,
      pollIntervalMs: 50,
      awsRegion: REGION,
      ttlDeletes,
    });
    await waitFor(() => fn.events.length >= 1, 'the TTL deletes');
    const ttlIdentity = { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } };
    expect(fn.events).toEqual([
      {
        Records: [
          expectedRecord('REMOVE', streamArn, { Keys: { id: { S: 'u1' } }, OldImage: { id: { S: 'u1' }, title: { S: 'user u1' } } }, ttlIdentity),
          expectedRecord('REMOVE', streamArn, { Keys: { id: { S: 'u3' } }, OldImage: { id: { S: 'u3' }, title: { S: 'user u3' } } }, ttlIdentity),
        ],
      },
    ]);
  });

  it('retries a failing batch MaximumRetryAttempts times, sends it to onFailure, and moves on', async () => {
    const { table, streamArn } = await createTable();
    await put(table, 'poison', 'always fails');
    await put(table, 'fine', 'succeeds');
    const functionError = { errorType: 'Error', errorMessage: 'cannot index poison', trace: [] };
    const fn = recorder((event) => (keysOf(event).includes('INSERT poison') ? { error: functionError } : { payload: null }));
    const failures: { records: string[]; reason: DeliveryFailure }[] = [];
    const logged: string[] = [];
    poller = await startStreamPoller({
      streamsClient: streams,
      streamArn,
      mapping: mapping({
        batchSize: 1,
        maximumRetryAttempts: 2,
        onFailure: (records, reason) => {
          failures.push({ records: records.map((record) => idOf(record)), reason });
        },
      }),
      invoke: fn.invoke,
      log: (line) => logged.push(line.replace(/from \d+ to/, 'from <seq> to')),
      pollIntervalMs: 50,
      retryDelay: RETRY_DELAY,
    });
    await waitFor(() => fn.events.length >= 4, 'three attempts and the next record');
    expect({ invocations: fn.events.map(keysOf), failures, logged }).toEqual({
      invocations: [['INSERT poison'], ['INSERT poison'], ['INSERT poison'], ['INSERT fine']],
      failures: [{ records: ['poison'], reason: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3, functionError } }],
      logged: [
        'Delivery of 1 record(s) from <seq> to indexer failed (attempt 1); retrying.',
        'Delivery of 1 record(s) from <seq> to indexer failed (attempt 2); retrying.',
        'Discarding 1 record(s) from <seq> to indexer after 3 attempt(s).',
      ],
    });
  });

  it('retries from the first failed record when the function reports batch item failures', async () => {
    const { table, streamArn } = await createTable();
    for (const id of ['a', 'b', 'c', 'd']) await put(table, id, `note ${id}`);
    const fn = recorder((event, call) => {
      const failed = call === 1 ? event.Records.filter((record) => ['b', 'd'].includes(idOf(record))) : [];
      return { payload: { batchItemFailures: failed.map((record) => ({ itemIdentifier: record.dynamodb.SequenceNumber })) } };
    });
    poller = await startStreamPoller({
      streamsClient: streams,
      streamArn,
      mapping: mapping({ batchSize: 4, reportBatchItemFailures: true }),
      invoke: fn.invoke,
      log: () => undefined,
      pollIntervalMs: 50,
      retryDelay: RETRY_DELAY,
    });
    await waitFor(() => fn.events.length >= 2, 'the retry');
    expect(fn.events.map(keysOf)).toEqual([
      ['INSERT a', 'INSERT b', 'INSERT c', 'INSERT d'],
      ['INSERT b', 'INSERT c', 'INSERT d'],
    ]);
  });

  it('feeds a function running in a worker thread through the Lambda runtime', async () => {
    const { table, streamArn } = await createTable();
    await put(table, 'ok', 'indexed');
    await put(table, 'bad', 'rejected', { fail: { BOOL: true } });
    const runtime = createLambdaRuntime({
      functions: [
        {
          name: 'indexer',
          arn: 'arn:aws:lambda:eu-west-1:123456789012:function:indexer',
          codeDir: path.join(__dirname, '..', 'lambda', '__fixtures__', 'stream-handler'),
          handler: 'index.handler',
          timeoutSeconds: 5,
          memoryMb: 256,
          environment: {},
        },
      ],
      baseEnv: { AWS_REGION: REGION },
      log: () => undefined,
    });
    const answers: InvokeResult[] = [];
    const failures: string[][] = [];
    try {
      poller = await startStreamPoller({
        streamsClient: streams,
        streamArn,
        mapping: mapping({
          batchSize: 10,
          maximumRetryAttempts: 1,
          reportBatchItemFailures: true,
          onFailure: (records) => {
            failures.push(records.map((record) => idOf(record)));
          },
        }),
        invoke: async (name, event) => {
          const answer = await runtime.invoke(name, event);
          answers.push(answer);
          return answer;
        },
        log: () => undefined,
        pollIntervalMs: 50,
        retryDelay: RETRY_DELAY,
      });
      await waitFor(() => failures.length >= 1, 'the discarded record');
    } finally {
      await poller?.stop();
      await runtime.stop();
    }
    expect({ answers, failures }).toEqual({
      answers: [
        { payload: { seen: ['INSERT ok', 'INSERT bad'], batchItemFailures: [{ itemIdentifier: expect.any(String) }] } },
        { payload: { seen: ['INSERT bad'], batchItemFailures: [{ itemIdentifier: expect.any(String) }] } },
      ],
      failures: [['bad']],
    });
  });
});
