// An AMAZON_DYNAMODB data source: takes the request object a resolver's request() returned,
// performs it against DynamoDB, and gives response() its ctx.result and ctx.error.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../../services/clock';
import { DataSourceError, DynamoDbDataSourceConfigError, MalformedRequestError, type AppSyncError } from './errors';
import type { DeltaSyncSettings, Operation, OperationContext } from './operation-context';
import { batchDeleteItem } from './operations/batch-delete-item';
import { batchGetItem } from './operations/batch-get-item';
import { batchPutItem } from './operations/batch-put-item';
import { deleteItem } from './operations/delete-item';
import { getItem } from './operations/get-item';
import { putItem } from './operations/put-item';
import { query } from './operations/query';
import { scan } from './operations/scan';
import { sync } from './operations/sync';
import { transactGetItems } from './operations/transact-get-items';
import { transactWriteItems } from './operations/transact-write-items';
import { updateItem } from './operations/update-item';
import { expectRecord, requiredString } from './request/fields';

export interface DynamoDbDataSourceOptions {
  readonly client: DynamoDBClient;
  /** The data source's table; batch and transaction requests name their own tables. */
  readonly tableName: string;
  /** `DynamoDBConfig.Versioned`: conflict detection VERSION with conflict handler NONE. Default false. */
  readonly versioned?: boolean;
  /** `DynamoDBConfig.DeltaSyncConfig` (minutes). Only used when versioned. */
  readonly deltaSyncConfig?: DeltaSyncSettings | null;
  /** Source of `_lastChangedAt`, tombstone and delta TTLs, and Sync's `startedAt`. */
  readonly clock: Clock;
}

/**
 * What AppSync hands to response(): `result` becomes ctx.result, `error` ctx.error. A failure can
 * carry a result too (the current item of a failed condition, a transaction's cancellation reasons).
 */
export type DataSourceOutcome = { readonly result: unknown } | { readonly error: AppSyncError; readonly result?: unknown };

export interface DynamoDbDataSource {
  invoke(request: unknown): Promise<DataSourceOutcome>;
}

const OPERATIONS: Readonly<Record<string, Operation>> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  Sync: sync,
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

export function createDynamoDbDataSource(options: DynamoDbDataSourceOptions): DynamoDbDataSource {
  if (options.tableName === '') throw new DynamoDbDataSourceConfigError('A DynamoDB data source needs a table name.');
  const context: OperationContext = {
    client: options.client,
    tableName: options.tableName,
    clock: options.clock,
    versioning: options.versioned ? { deltaSync: options.deltaSyncConfig ?? undefined } : undefined,
  };
  return {
    async invoke(request: unknown): Promise<DataSourceOutcome> {
      try {
        const body = expectRecord(request, '$');
        const name = requiredString(body, 'operation', '$');
        const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
        if (operation === undefined) throw new MalformedRequestError(`Unsupported operation '${name}'.`);
        return { result: await operation(body, context) };
      } catch (error) {
        // AppSync reports data source failures to response() rather than failing the resolver.
        if (error instanceof DataSourceError) {
          return error.result === undefined ? { error: error.toAppSyncError() } : { error: error.toAppSyncError(), result: error.result };
        }
        throw error;
      }
    },
  };
}
