// BatchPutItem and BatchDeleteItem both become one DynamoDB BatchWriteItem call.
import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { itemsEqual, toItem, toJsonItem, type Item } from '../attribute-values';
import { callDynamoDb, DataSourceError, MalformedRequestError } from '../errors';
import type { OperationContext } from '../operation-context';
import { expectRecord, fieldPath, rejectUnknownFields, requiredRecord, type JsonRecord } from '../request/fields';

/**
 * "This operation is not supported when used with conflict detection", and AppSync names the
 * operations a versioned data source takes in its UnsupportedOperation error:
 * https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html (Errors).
 */
export function rejectOnVersionedSource(operation: string, context: OperationContext): void {
  if (context.versioning === undefined) return;
  throw new DataSourceError(
    'UnsupportedOperation',
    `Unsupported operation '${operation}'. Datasource Versioning only supports the following operations ` +
      '(TransactGetItems,PutItem,BatchGetItem,Scan,Query,GetItem,DeleteItem,UpdateItem,Sync).',
  );
}

/** `tables`: table name → list of typed items (BatchPutItem) or keys (BatchDeleteItem). */
export function readWriteTables(request: JsonRecord): Map<string, Item[]> {
  rejectUnknownFields(request, ['version', 'operation', 'tables'], '$');
  const tables = requiredRecord(request, 'tables', '$');
  if (Object.keys(tables).length === 0) throw new MalformedRequestError("At least one table must be provided in '$[tables]'.");
  return new Map(
    Object.entries(tables).map(([name, value]) => {
      const path = fieldPath('$[tables]', name);
      if (!Array.isArray(value)) throw new MalformedRequestError(`Expected JSON array for '${path}'.`);
      return [name, value.map((entry, index) => toItem(expectRecord(entry, fieldPath(path, index)), fieldPath(path, index)))];
    }),
  );
}

export interface BatchWriteResult {
  /** Per table, each entry in request order, or null when DynamoDB left it unprocessed. */
  data: Record<string, (JsonRecord | null)[]>;
  /** Per table, the entries DynamoDB left unprocessed. */
  unprocessed: Record<string, JsonRecord[]>;
}

export async function batchWrite(client: OperationContext['client'], tables: Map<string, Item[]>, kind: 'put' | 'delete'): Promise<BatchWriteResult> {
  const toRequest = (entry: Item): WriteRequest => (kind === 'put' ? { PutRequest: { Item: entry } } : { DeleteRequest: { Key: entry } });
  const output = await callDynamoDb(() =>
    client.send(new BatchWriteItemCommand({ RequestItems: Object.fromEntries([...tables].map(([name, entries]) => [name, entries.map(toRequest)])) })),
  );
  const data: BatchWriteResult['data'] = {};
  const unprocessed: BatchWriteResult['unprocessed'] = {};
  for (const [name, entries] of tables) {
    const left = (output.UnprocessedItems?.[name] ?? []).flatMap((request): Item[] => {
      const entry = request.PutRequest?.Item ?? request.DeleteRequest?.Key;
      return entry === undefined ? [] : [entry];
    });
    data[name] = entries.map((entry) => (left.some((other) => itemsEqual(other, entry)) ? null : toJsonItem(entry)));
    unprocessed[name] = left.map(toJsonItem);
  }
  return { data, unprocessed };
}
