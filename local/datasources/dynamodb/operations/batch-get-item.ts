// BatchGetItem: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
// ctx.result is { data: { <table>: [item or null, in request order] }, unprocessedKeys: { <table>: [keys] } }.
import { BatchGetItemCommand, type KeysAndAttributes } from '@aws-sdk/client-dynamodb';
import { itemsEqual, toItem, toJsonItem, type Item } from '../attribute-values';
import { callDynamoDb, MalformedRequestError } from '../errors';
import type { Operation } from '../operation-context';
import { attributeNamesIn, readExpressionSection, type ExpressionSection } from '../request/expressions';
import { expectRecord, fieldPath, optionalBoolean, rejectUnknownFields, requiredArray, requiredRecord, type JsonRecord } from '../request/fields';

const FIELDS = ['version', 'operation', 'tables'];

interface TableRequest {
  readonly keys: Item[];
  readonly consistentRead: boolean;
  readonly projection: ExpressionSection | undefined;
}

// A table is `{ keys, consistentRead, projection }`, or just the list of keys (the docs' example).
function readTable(value: unknown, path: string): TableRequest {
  const toKeys = (list: unknown[], at: string): Item[] => list.map((key, index) => toItem(expectRecord(key, fieldPath(at, index)), fieldPath(at, index)));
  if (Array.isArray(value)) return { keys: toKeys(value, path), consistentRead: false, projection: undefined };
  const table = expectRecord(value, path);
  rejectUnknownFields(table, ['keys', 'consistentRead', 'projection'], path);
  return {
    keys: toKeys(requiredArray(table, 'keys', path), fieldPath(path, 'keys')),
    consistentRead: optionalBoolean(table, 'consistentRead', path) ?? false,
    projection:
      table.projection === undefined || table.projection === null
        ? undefined
        : readExpressionSection(table.projection, fieldPath(path, 'projection'), false),
  };
}

const keyNamesOf = (request: TableRequest): string[] => Object.keys(request.keys[0] ?? {});

/** The SDK request; a projection also fetches the key attributes, to tell which key each item answers. */
function keysAndAttributes(request: TableRequest): KeysAndAttributes {
  if (request.projection === undefined) return { Keys: request.keys, ConsistentRead: request.consistentRead };
  const keyNames = Object.fromEntries(keyNamesOf(request).map((name, index) => [`#__key${index}`, name]));
  return {
    Keys: request.keys,
    ConsistentRead: request.consistentRead,
    ProjectionExpression: [request.projection.expression, ...Object.keys(keyNames)].join(', '),
    ExpressionAttributeNames: { ...request.projection.names, ...keyNames },
  };
}

/** An item as the projection asked for it: key attributes it did not name are dropped again. */
function projected(item: Item, request: TableRequest): Item {
  if (request.projection === undefined) return item;
  const named = attributeNamesIn(request.projection);
  return Object.fromEntries(Object.entries(item).filter(([name]) => !keyNamesOf(request).includes(name) || named.includes(name)));
}

function keyOf(item: Item, keyNames: string[]): Item {
  return Object.fromEntries(keyNames.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]));
}

export const batchGetItem: Operation = async (request: JsonRecord, { client }) => {
  rejectUnknownFields(request, FIELDS, '$');
  const tablesField = requiredRecord(request, 'tables', '$');
  const tables = new Map(Object.entries(tablesField).map(([name, value]) => [name, readTable(value, fieldPath('$[tables]', name))]));
  if (tables.size === 0) throw new MalformedRequestError("At least one table must be provided in '$[tables]'.");

  const output = await callDynamoDb(() =>
    client.send(new BatchGetItemCommand({ RequestItems: Object.fromEntries([...tables].map(([name, table]) => [name, keysAndAttributes(table)])) })),
  );
  const data: Record<string, (JsonRecord | null)[]> = {};
  const unprocessedKeys: Record<string, JsonRecord[]> = {};
  for (const [name, table] of tables) {
    const found = output.Responses?.[name] ?? [];
    const keyNames = keyNamesOf(table);
    // DynamoDB answers in any order: each requested key takes the item with the same key attributes.
    data[name] = table.keys.map((key) => {
      const item = found.find((candidate) => itemsEqual(keyOf(candidate, keyNames), key));
      return item === undefined ? null : toJsonItem(projected(item, table));
    });
    unprocessedKeys[name] = (output.UnprocessedKeys?.[name]?.Keys ?? []).map(toJsonItem);
  }
  return { data, unprocessedKeys };
};
