// get, put, remove and update: the single-item requests of the DynamoDB data source.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import { isPlainObject } from '../../util/dynamodb/attribute-values';
import { toExpression } from './condition';
import { DynamoDBHelperInputError } from './errors';
import { toProjection } from './projection';
import { toUpdateExpression } from './update-expression';
import { requireItemValues } from './values';

type Request = Record<string, unknown>;

export function requirePayload(payload: unknown, helper: string): Record<string, unknown> {
  if (!isPlainObject(payload)) {
    throw new DynamoDBHelperInputError(`${helper} expects an object, received ${JSON.stringify(payload) ?? 'undefined'}`);
  }
  return payload;
}

/** Copies the optional fields that are set; null and undefined mean "not given". */
export function withOptional(request: Request, fields: Record<string, unknown>): Request {
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) request[name] = value;
  }
  return request;
}

/** The versioned data source fields shared by put, remove and update. */
function syncFields(payload: Record<string, unknown>): Record<string, unknown> {
  return { customPartitionKey: payload.customPartitionKey, populateIndexFields: payload.populateIndexFields, _version: payload._version };
}

export function get(input: unknown): Request {
  const payload = requirePayload(input, 'get');
  return withOptional(
    { operation: 'GetItem', key: requireItemValues(payload.key, 'get key') },
    { consistentRead: payload.consistentRead, projection: toProjection(payload.projection) },
  );
}

export function put(input: unknown): Request {
  const payload = requirePayload(input, 'put');
  return withOptional(
    { operation: 'PutItem', key: requireItemValues(payload.key, 'put key'), attributeValues: requireItemValues(payload.item, 'put item') },
    { condition: toExpression(payload.condition, 'put condition'), ...syncFields(payload) },
  );
}

export function remove(input: unknown): Request {
  const payload = requirePayload(input, 'remove');
  return withOptional(
    { operation: 'DeleteItem', key: requireItemValues(payload.key, 'remove key') },
    { condition: toExpression(payload.condition, 'remove condition'), ...syncFields(payload) },
  );
}

export function update(input: unknown): Request {
  const payload = requirePayload(input, 'update');
  return withOptional(
    { operation: 'UpdateItem', key: requireItemValues(payload.key, 'update key'), update: toUpdateExpression(payload.update) },
    { condition: toExpression(payload.condition, 'update condition'), ...syncFields(payload) },
  );
}
