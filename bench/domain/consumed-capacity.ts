// Measures the DynamoDB capacity a client consumes: a middleware asks DynamoDB for
// ReturnConsumedCapacity TOTAL on every data-plane command and adds up what it answers, per table.
//
// A write whose condition fails answers with ConditionalCheckFailedException and no
// ConsumedCapacity, yet DynamoDB still charges it: "If a ConditionExpression evaluates to false,
// the write still consumes write capacity" at the size of the larger of the existing and the new
// item (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html).
// Each one is counted here as 1 write unit, which holds for items up to 1 KB (Users rows are).
//
// DynamoDB Local's figures for transactions are not DynamoDB's (it answers 4 write units for a
// transaction of one small Put, and for one of two), so transactions are counted by DynamoDB's own
// rule instead: "Transactional write requests require two write request units", and transactional
// reads two read request units, per item up to 1 KB (writes) or 4 KB (reads)
// (https://aws.amazon.com/dynamodb/pricing/on-demand/). The items here are all that small.
import { DynamoDBClient, type ConsumedCapacity, type TransactGetItem, type TransactWriteItem } from '@aws-sdk/client-dynamodb';

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);
const TRANSACTIONAL_UNITS_PER_ITEM = 2;

/** The table of each item of a TransactWriteItems or TransactGetItems input. */
function transactionTables(input: { TransactItems?: readonly (TransactWriteItem | TransactGetItem)[] }): string[] {
  return (input.TransactItems ?? []).map((item) => {
    const action = Object.values(item).find((value): value is { TableName?: string } => typeof value === 'object' && value !== null);
    return action?.TableName ?? '?';
  });
}

/** Read and write units consumed, in total and per table. */
export interface Consumption {
  readonly rcu: number;
  readonly wcu: number;
  /** Write units of writes whose condition failed (included in wcu). */
  readonly failedConditionWcu: number;
  readonly byTable: Readonly<Record<string, { readonly rcu: number; readonly wcu: number }>>;
}

export class UnmeteredCommandError extends Error {
  constructor(commandName: string) {
    super(`The capacity meter does not know whether ${commandName} reads or writes; add it to READS or WRITES.`);
    this.name = 'UnmeteredCommandError';
  }
}

/** Adds up consumption until `take()` hands it over and starts again from zero. */
export class CapacityMeter {
  private rcu = 0;
  private wcu = 0;
  private failedConditionWcu = 0;
  private byTable: Record<string, { rcu: number; wcu: number }> = {};

  record(commandName: string, consumed: ConsumedCapacity | readonly ConsumedCapacity[] | undefined): void {
    const kind = READS.has(commandName) ? 'rcu' : WRITES.has(commandName) ? 'wcu' : undefined;
    if (kind === undefined) throw new UnmeteredCommandError(commandName);
    const entries = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed as ConsumedCapacity];
    for (const entry of entries) this.add(entry.TableName ?? '?', kind, entry.CapacityUnits ?? 0);
  }

  /** A transaction, at two units per item on each item's table. */
  recordTransaction(commandName: string, tables: readonly string[]): void {
    const kind = commandName === 'TransactGetItemsCommand' ? 'rcu' : 'wcu';
    for (const table of tables) this.add(table, kind, TRANSACTIONAL_UNITS_PER_ITEM);
  }

  recordFailedCondition(tableName: string): void {
    this.failedConditionWcu += 1;
    this.add(tableName, 'wcu', 1);
  }

  take(): Consumption {
    const taken = { rcu: this.rcu, wcu: this.wcu, failedConditionWcu: this.failedConditionWcu, byTable: this.byTable };
    this.rcu = 0;
    this.wcu = 0;
    this.failedConditionWcu = 0;
    this.byTable = {};
    return taken;
  }

  private add(tableName: string, kind: 'rcu' | 'wcu', units: number): void {
    this[kind] += units;
    const table = (this.byTable[tableName] ??= { rcu: 0, wcu: 0 });
    table[kind] += units;
  }
}

/** A DynamoDB client for `endpoint` whose every data-plane command is metered by `meter`. */
export function meteredDynamoDbClient(endpoint: string, meter: CapacityMeter): DynamoDBClient {
  // DynamoDB Local accepts only letters and digits in an access key id.
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'outpostbench', secretAccessKey: 'outpostbench' } });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ReturnConsumedCapacity?: string; TableName?: string; TransactItems?: readonly (TransactWriteItem | TransactGetItem)[] };
      const commandName = context.commandName ?? '?';
      input.ReturnConsumedCapacity = 'TOTAL';
      try {
        const result = await next(args);
        if (input.TransactItems !== undefined) meter.recordTransaction(commandName, transactionTables(input));
        else meter.record(commandName, (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity);
        return result;
      } catch (error) {
        if ((error as { name?: string }).name === 'ConditionalCheckFailedException') meter.recordFailedCondition(input.TableName ?? '?');
        throw error;
      }
    },
    { step: 'initialize', name: 'outpostCapacityMeter' },
  );
  return client;
}
