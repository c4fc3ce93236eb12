// transactGet and transactWrite: up to 100 items in one all-or-nothing request.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html

import { toExpression } from './condition';
import { DynamoDBHelperInputError } from './errors';
import { requirePayload, withOptional } from './item-requests';
import { toProjection } from './projection';
import { toUpdateExpression } from './update-expression';
import { requireItemValues } from './values';

type Request = Record<string, unknown>;

function requireItems(input: unknown, helper: string): unknown[] {
  const { items } = requirePayload(input, helper);
  if (!Array.isArray(items)) throw new DynamoDBHelperInputError(`${helper} expects items, a list, received ${JSON.stringify(items) ?? 'undefined'}`);
  return items;
}

function requireTable(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new DynamoDBHelperInputError(`${what} needs a table name, received ${JSON.stringify(value) ?? 'undefined'}`);
  return value;
}

export function transactGet(input: unknown): Request {
  const transactItems = requireItems(input, 'transactGet').map((entry, index) => {
    const item = requirePayload(entry, `transactGet item ${index}`);
    return withOptional(
      { table: requireTable(item.table, `transactGet item ${index}`), key: requireItemValues(item.key, `transactGet key ${index}`) },
      { projection: toProjection(item.projection) },
    );
  });
  return { operation: 'TransactGetItems', transactItems };
}

const WRITE_KINDS = ['putItem', 'updateItem', 'deleteItem', 'conditionCheck'] as const;

function transactWriteItem(entry: unknown, index: number): Request {
  const wrapper = requirePayload(entry, `transactWrite item ${index}`);
  const kinds = WRITE_KINDS.filter((kind) => wrapper[kind] !== undefined);
  if (kinds.length !== 1) {
    throw new DynamoDBHelperInputError(`transactWrite item ${index} must hold exactly one of ${WRITE_KINDS.join(', ')}, found ${kinds.length === 0 ? 'none' : kinds.join(', ')}`);
  }
  const kind = kinds[0];
  const what = `transactWrite ${kind} ${index}`;
  const item = requirePayload(wrapper[kind], what);
  const base = { table: requireTable(item.table, what), key: requireItemValues(item.key, `${what} key`) };
  const condition = toExpression(item.condition, `${what} condition`);
  switch (kind) {
    case 'putItem':
      return withOptional({ ...base, operation: 'PutItem', attributeValues: requireItemValues(item.item, `${what} item`) }, { condition });
    case 'updateItem':
      return withOptional({ ...base, operation: 'UpdateItem', update: toUpdateExpression(item.update) }, { condition });
    case 'deleteItem':
      return withOptional({ ...base, operation: 'DeleteItem' }, { condition });
    case 'conditionCheck':
      if (condition === undefined) throw new DynamoDBHelperInputError(`${what} needs a condition`);
      return { ...base, operation: 'ConditionCheck', condition };
  }
}

export function transactWrite(input: unknown): Request {
  return { operation: 'TransactWriteItems', transactItems: requireItems(input, 'transactWrite').map(transactWriteItem) };
}
