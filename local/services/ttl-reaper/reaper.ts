// DynamoDB Local never deletes expired items, so Outpost Local does: it scans each table with a TTL
// attribute and deletes what DynamoDB's TTL would (./expiry.ts). It marks each key for the stream
// pollers before deleting it, so the REMOVE record carries the identity of a TTL delete, as in the
// cloud (../streams/ttl-deletes.ts).
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { KeySchemaElement } from '../../cloud-assembly';
import type { Clock } from '../clock';
import { ttlDeleteKey, type TtlDeleteMarks } from '../streams';
import { ttlVerdict } from './expiry';

export interface TtlTable {
  readonly tableName: string;
  readonly logicalId: string;
  readonly keySchema: readonly KeySchemaElement[];
  readonly ttlAttribute: string;
}

export interface TtlReaperOptions {
  readonly client: DynamoDBClient;
  /** The tables to reap; a function is read on every reap, so a hot reload's tables are used. */
  readonly tables: readonly TtlTable[] | (() => readonly TtlTable[]);
  readonly clock: Clock;
  /** The marks object of a table, by logical id, which its stream pollers read. */
  readonly marks: (logicalId: string) => TtlDeleteMarks;
  readonly log: (line: string) => void;
  /** Time between reaps; none when omitted (reaps only run through `reapNow`). */
  readonly intervalMs?: number;
  /** Items per Scan page. Default 100. */
  readonly pageSize?: number;
  /** Scan pages per table per reap; what is left waits for the next reap. Default 1000. */
  readonly maxPagesPerTable?: number;
}

export interface TtlReaper {
  /** Reaps once, after any reap in progress; resolves to the number of items deleted. */
  reapNow(): Promise<number>;
  /** Stops the timer; resolves once a reap in progress is done. */
  stop(): Promise<void>;
}

export class TtlReapError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TtlReapError';
  }
}

export class TtlReaperStoppedError extends Error {
  constructor() {
    super('The TTL reaper is stopped.');
    this.name = 'TtlReaperStoppedError';
  }
}

interface TableCounts {
  deleted: number;
  /** Refreshed or deleted by someone else between the scan and the delete. */
  kept: number;
  truncated: boolean;
}

export function startTtlReaper(options: TtlReaperOptions): TtlReaper {
  const { client, clock, log } = options;
  const pageSize = options.pageSize ?? 100;
  const maxPages = options.maxPagesPerTable ?? 1000;
  const tables = () => (typeof options.tables === 'function' ? options.tables() : options.tables);
  let stopped = false;
  let busy = false;
  // Orders reaps only: each caller of reapNow gets its own reap's outcome.
  let queue: Promise<unknown> = Promise.resolve();

  /** Deletes one expired item unless its TTL value changed since the scan; true when deleted. */
  const reapItem = async (table: TtlTable, item: Record<string, AttributeValue>): Promise<boolean> => {
    const key = Object.fromEntries(table.keySchema.map(({ attributeName }) => [attributeName, item[attributeName]]));
    const marks = options.marks(table.logicalId);
    const markKey = ttlDeleteKey(key);
    const newlyMarked = !marks.keys.has(markKey);
    // Marked first: the poller may read the REMOVE record before DeleteItem returns.
    marks.keys.add(markKey);
    try {
      await client.send(
        new DeleteItemCommand({
          TableName: table.tableName,
          Key: key,
          ConditionExpression: '#ttl = :seen',
          ExpressionAttributeNames: { '#ttl': table.ttlAttribute },
          ExpressionAttributeValues: { ':seen': item[table.ttlAttribute] },
        }),
      );
      return true;
    } catch (error) {
      // No REMOVE record was written, so a later ordinary delete of this key must not look like TTL.
      if (newlyMarked) marks.keys.delete(markKey);
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new TtlReapError(`Could not delete the expired item ${markKey} from ${table.tableName}: ${(error as Error).message}`, { cause: error });
    }
  };

  const reapTable = async (table: TtlTable, now: Date): Promise<TableCounts> => {
    const counts: TableCounts = { deleted: 0, kept: 0, truncated: false };
    const names = Object.fromEntries([...table.keySchema.map(({ attributeName }, index) => [`#k${index}`, attributeName]), ['#ttl', table.ttlAttribute]]);
    let startKey: Record<string, AttributeValue> | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const response = await client.send(
        new ScanCommand({
          TableName: table.tableName,
          ProjectionExpression: Object.keys(names).join(', '),
          ExpressionAttributeNames: names,
          Limit: pageSize,
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      for (const item of response.Items ?? []) {
        if (ttlVerdict(item[table.ttlAttribute], now) !== 'expired') continue;
        if (await reapItem(table, item)) counts.deleted += 1;
        else counts.kept += 1;
      }
      startKey = response.LastEvaluatedKey;
      if (!startKey) return counts;
    }
    counts.truncated = true;
    return counts;
  };

  const reapOnce = async (): Promise<number> => {
    const now = clock.now();
    const results: [TtlTable, TableCounts][] = [];
    for (const table of tables()) {
      try {
        results.push([table, await reapTable(table, now)]);
      } catch (error) {
        if (error instanceof TtlReapError) throw error;
        throw new TtlReapError(`Could not scan ${table.tableName} for expired items: ${(error as Error).message}`, { cause: error });
      }
    }
    const deleted = results.reduce((sum, [, counts]) => sum + counts.deleted, 0);
    const kept = results.reduce((sum, [, counts]) => sum + counts.kept, 0);
    const perTable = results.filter(([, counts]) => counts.deleted > 0).map(([table, counts]) => `${table.logicalId} ${counts.deleted}`);
    const truncated = results.filter(([, counts]) => counts.truncated).map(([table]) => table.logicalId);
    // Quiet when there was nothing to do, so a reap every minute does not flood the log.
    if (deleted === 0 && kept === 0 && truncated.length === 0) return 0;
    log(
      `ttl: at ${now.toISOString()} deleted ${deleted} expired item${deleted === 1 ? '' : 's'}${perTable.length ? ` (${perTable.join(', ')})` : ''}` +
        (kept ? `; kept ${kept} refreshed since the scan` : '') +
        (truncated.length ? `; stopped after ${maxPages} pages of ${truncated.join(', ')}, the rest waits for the next reap` : ''),
    );
    return deleted;
  };

  const reapNow = (): Promise<number> => {
    if (stopped) return Promise.reject(new TtlReaperStoppedError());
    const run = queue.then(async () => {
      busy = true;
      try {
        return await reapOnce();
      } finally {
        busy = false;
      }
    });
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  };

  const timer =
    options.intervalMs === undefined
      ? undefined
      : setInterval(() => {
          // A slow reap is not stacked up behind itself.
          if (busy) return;
          reapNow().catch((error: unknown) => log(`ttl: ${error instanceof Error ? error.message : String(error)}`));
        }, options.intervalMs);
  timer?.unref();

  return {
    reapNow,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await queue;
    },
  };
}
