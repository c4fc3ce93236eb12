// One AWS::Lambda::EventSourceMapping on a DynamoDB stream: reads every shard in order (a child shard
// only after its parent is finished), turns records into Lambda's event shape, drops those the
// FilterCriteria reject, and hands the rest to the function in batches of at most BatchSize.
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  TrimmedDataAccessException,
  GetShardIteratorCommand,
  type Shard,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { type DeliveryFailure, deliverBatch, type Invoke } from './batch-delivery';
import { type DynamoDBStreamEventRecord, toEventRecord } from './event-record';
import { compileFilterCriteria, type FilterCriteria } from './filter-pattern';
import { DEFAULT_RETRY_DELAY, type RetryDelay, retryDelayMs } from './retry-delay';
import type { TtlDeleteMarks } from './ttl-deletes';

export interface StreamMapping {
  readonly functionName: string;
  /** Largest batch per invocation (Lambda's default for DynamoDB is 100). */
  readonly batchSize: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  readonly filterCriteria?: FilterCriteria;
  /** -1 retries until the poller stops (in the cloud: until the record expires). */
  readonly maximumRetryAttempts: number;
  /** FunctionResponseTypes contains ReportBatchItemFailures. */
  readonly reportBatchItemFailures: boolean;
  /** The on-failure destination: records discarded after the last retry. */
  readonly onFailure?: (records: DynamoDBStreamEventRecord[], reason: DeliveryFailure) => void | Promise<void>;
}

export interface StreamPollerOptions {
  readonly streamsClient: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly mapping: StreamMapping;
  readonly invoke: Invoke;
  readonly log: (line: string) => void;
  /** Wait between polls of a stream with nothing new. */
  readonly pollIntervalMs: number;
  /** The stack's region for `awsRegion`; default: what the stream reports. */
  readonly awsRegion?: string;
  /** Keys the TTL reaper deleted on this table. */
  readonly ttlDeletes?: TtlDeleteMarks;
  readonly retryDelay?: RetryDelay;
}

export interface StreamPoller {
  /** Stops polling; resolves once the current batch (and its invocation) is done. */
  stop(): Promise<void>;
}

interface ShardState {
  readonly shardId: string;
  readonly parentShardId: string | undefined;
  iterator: string | undefined;
  lastSequenceNumber: string | undefined;
  finished: boolean;
  /** When a LATEST iterator was taken (epoch ms), while nothing has been read from the shard yet. */
  latestSince?: number;
  /** After re-reading from TRIM_HORIZON, records created before this (epoch seconds, a whole minute) are skipped. */
  skipBefore?: number;
}

/** DescribeStream pages are 100 shards; a local stream has a handful. */
const MAX_DESCRIBE_PAGES = 100;
/** GetRecords' own maximum. */
const MAX_RECORDS_PER_READ = 1000;

/**
 * Starts polling. Resolves once the initial shard iterators exist, so with LATEST every write made
 * after this resolves is delivered.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const { streamsClient: client, streamArn, mapping, log } = options;
  const accepts = compileFilterCriteria(mapping.filterCriteria);
  const retryDelay = options.retryDelay ?? DEFAULT_RETRY_DELAY;
  const shards = new Map<string, ShardState>();
  let stopped = false;
  let wake: (() => void) | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (stopped) return resolve();
      const timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = finish;
    });

  const iteratorFor = async (shardId: string, type: ShardIteratorType, sequenceNumber?: string): Promise<string | undefined> =>
    (await client.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber })))
      .ShardIterator;

  const describeShards = async (): Promise<Shard[]> => {
    const found: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    for (let page = 0; page < MAX_DESCRIBE_PAGES; page += 1) {
      const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }));
      found.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
      if (!exclusiveStartShardId) break;
    }
    return found;
  };

  /** Adds shards not seen before. At start they begin at the starting position; later ones at their start. */
  const discoverShards = async (initial: boolean): Promise<void> => {
    for (const shard of await describeShards()) {
      if (!shard.ShardId || shards.has(shard.ShardId)) continue;
      const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      const state: ShardState = { shardId: shard.ShardId, parentShardId: shard.ParentShardId, iterator: undefined, lastSequenceNumber: undefined, finished: false };
      if (initial && mapping.startingPosition === 'LATEST' && closed) state.finished = true;
      else state.iterator = await iteratorFor(shard.ShardId, initial ? mapping.startingPosition : 'TRIM_HORIZON');
      if (initial && mapping.startingPosition === 'LATEST') state.latestSince = Date.now();
      shards.set(shard.ShardId, state);
    }
  };

  /** A shard is read once its parent is finished (or gone from the stream). */
  const readable = (): ShardState[] =>
    [...shards.values()].filter((shard) => !shard.finished && (!shard.parentShardId || shards.get(shard.parentShardId)?.finished !== false));

  const deliver = async (records: DynamoDBStreamEventRecord[]): Promise<void> => {
    for (let start = 0; start < records.length && !stopped; start += mapping.batchSize) {
      await deliverBatch(records.slice(start, start + mapping.batchSize), {
        functionName: mapping.functionName,
        invoke: options.invoke,
        maximumRetryAttempts: mapping.maximumRetryAttempts,
        reportBatchItemFailures: mapping.reportBatchItemFailures,
        onFailure: mapping.onFailure,
        retryDelay,
        log,
        sleep,
        isStopped: () => stopped,
      });
    }
  };

  /** Reads one page of a shard and delivers it; true when records came back. */
  const readShard = async (shard: ShardState): Promise<boolean> => {
    let response;
    try {
      response = await client.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: MAX_RECORDS_PER_READ }));
    } catch (error) {
      // DynamoDB Local also refuses, with TrimmedDataAccessException, an iterator it handed out
      // for an empty shard once another table was written: take a new one where reading stopped.
      if (!(error instanceof ExpiredIteratorException) && !(error instanceof TrimmedDataAccessException)) throw error;
      if (shard.lastSequenceNumber) {
        shard.iterator = await iteratorFor(shard.shardId, 'AFTER_SEQUENCE_NUMBER', shard.lastSequenceNumber);
        return true;
      }
      // Nothing read yet: from the start of the shard, skipping what came before a LATEST start.
      // DynamoDB Local rounds creation times down to the minute, so records written in the minute
      // before the start may be delivered too: at least once, as Lambda promises anyway.
      shard.iterator = await iteratorFor(shard.shardId, 'TRIM_HORIZON');
      if (shard.latestSince !== undefined) shard.skipBefore = Math.floor(shard.latestSince / 60_000) * 60;
      return true;
    }
    const read = response.Records ?? [];
    const skipBefore = shard.skipBefore;
    const records = skipBefore === undefined ? read : read.filter((record) => (record.dynamodb?.ApproximateCreationDateTime?.getTime() ?? Infinity) / 1000 >= skipBefore);
    const events = records.map((record) => toEventRecord(record, { streamArn, awsRegion: options.awsRegion, ttlDeletes: options.ttlDeletes }));
    await deliver(events.filter((event) => accepts(event)));
    shard.lastSequenceNumber = read.at(-1)?.dynamodb?.SequenceNumber ?? shard.lastSequenceNumber;
    if (shard.lastSequenceNumber) {
      shard.latestSince = undefined;
      shard.skipBefore = undefined;
    }
    shard.iterator = response.NextShardIterator;
    if (!shard.iterator) shard.finished = true;
    return records.length > 0;
  };

  const pollOnce = async (): Promise<boolean> => {
    let progressed = false;
    // Every known shard is read to its end: look for the shards that replaced them.
    if (readable().length === 0) await discoverShards(false);
    for (const shard of readable()) {
      if (stopped) break;
      progressed = (await readShard(shard)) || progressed;
      if (shard.finished) {
        await discoverShards(false);
        progressed = true;
      }
    }
    return progressed;
  };

  await discoverShards(true);
  const loop = (async (): Promise<void> => {
    for (let failures = 0; !stopped; ) {
      try {
        const progressed = await pollOnce();
        failures = 0;
        if (!progressed) await sleep(options.pollIntervalMs);
      } catch (error) {
        failures += 1;
        log(`Reading ${streamArn} for ${mapping.functionName} failed: ${(error as Error).message}; retrying.`);
        await sleep(retryDelayMs(failures, retryDelay));
      }
    }
  })();

  return {
    async stop(): Promise<void> {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
