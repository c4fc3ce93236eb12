// batchGet, batchPut and batchDelete: requests across tables, keyed by table name.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html

import { isPlainObject } from '../../util/dynamodb/attribute-values';
import { DynamoDBHelperInputError } from './errors';
import { requirePayload, withOptional } from './item-requests';
import { toProjection } from './projection';
import { requireItemValues } from './values';

type Request = Record<string, unknown>;

function mapTables(input: unknown, helper: string, convert: (table: string, entry: unknown) => unknown): Record<string, unknown> {
  const { tables } = requirePayload(input, helper);
  if (!isPlainObject(tables)) {
    throw new DynamoDBHelperInputError(`${helper} expects tables, a map of table names, received ${JSON.stringify(tables) ?? 'undefined'}`);
  }
  const result: Record<string, unknown> = {};
  for (const [table, entry] of Object.entries(tables)) result[table] = convert(table, entry);
  return result;
}

function requireList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new DynamoDBHelperInputError(`${what} must be a list, received ${JSON.stringify(value) ?? 'undefined'}`);
  return value;
}

export function batchGet(input: unknown): Request {
  const tables = mapTables(input, 'batchGet', (table, entry) => {
    const config = requirePayload(entry, `batchGet table ${table}`);
    const keys = requireList(config.keys, `batchGet keys of ${table}`).map((key) => requireItemValues(key, `batchGet key of ${table}`));
    return withOptional({ keys }, { consistentRead: config.consistentRead, projection: toProjection(config.projection) });
  });
  return { operation: 'BatchGetItem', tables };
}

export function batchPut(input: unknown): Request {
  const tables = mapTables(input, 'batchPut', (table, items) =>
    requireList(items, `batchPut items of ${table}`).map((item) => requireItemValues(item, `batchPut item of ${table}`)),
  );
  return { operation: 'BatchPutItem', tables };
}

export function batchDelete(input: unknown): Request {
  const tables = mapTables(input, 'batchDelete', (table, keys) =>
    requireList(keys, `batchDelete keys of ${table}`).map((key) => requireItemValues(key, `batchDelete key of ${table}`)),
  );
  return { operation: 'BatchDeleteItem', tables };
}
