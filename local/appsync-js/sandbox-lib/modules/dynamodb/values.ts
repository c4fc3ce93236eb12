// Typed values for keys and items. Unlike util.dynamodb.toMapValues, a value already built by
// toStringSet/toNumberSet/toBinarySet is kept as the set it describes instead of becoming a map.

import { type AttributeMap, type AttributeValue, isPlainObject, toAttributeValue } from '../../util/dynamodb/attribute-values';
import { DynamoDBHelperInputError } from './errors';

const SET_TYPES = ['SS', 'NS', 'BS'];

function isSetValue(value: unknown): value is AttributeValue {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && SET_TYPES.includes(keys[0]) && Array.isArray(value[keys[0]]);
}

export function toItemValue(value: unknown): AttributeValue | null {
  if (isSetValue(value)) return value;
  if (Array.isArray(value)) return { L: value.map((element) => toItemValue(element) ?? { NULL: null }) };
  if (isPlainObject(value)) return { M: toItemValues(value) };
  return toAttributeValue(value);
}

export function toItemValues(record: Record<string, unknown>): AttributeMap {
  const result: AttributeMap = {};
  for (const [name, value] of Object.entries(record)) {
    const converted = toItemValue(value);
    if (converted !== null) result[name] = converted;
  }
  return result;
}

/** Converts a required map argument (a key or an item), naming it in the error when it is missing. */
export function requireItemValues(record: unknown, what: string): AttributeMap {
  if (!isPlainObject(record)) {
    throw new DynamoDBHelperInputError(`${what} must be an object, received ${JSON.stringify(record) ?? 'undefined'}`);
  }
  return toItemValues(record);
}
