// AppSync's DynamoDB type system: typed values in requests, plain JSON in results.
// https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
// (Type system (request mapping) / Type system (response mapping)).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { MalformedRequestError } from './errors';
import { fieldPath, isRecord, type JsonRecord } from './request/fields';

export type Item = Record<string, AttributeValue>;

const TYPES = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL'] as const;

function invalid(path: string, detail: string): MalformedRequestError {
  return new MalformedRequestError(`Unable to parse the typed value at '${path}': ${detail}.`);
}

// Resolvers write numbers as JSON numbers (`{ N: 1 }` in the AppSync docs) or as strings.
function toNumberString(value: unknown, path: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value;
  throw invalid(path, `expected a number, got ${JSON.stringify(value)}`);
}

function toStringValue(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalid(path, `expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function toBytes(value: unknown, path: string): Uint8Array {
  return new Uint8Array(Buffer.from(toStringValue(value, path), 'base64'));
}

function toList(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(path, `expected a list, got ${JSON.stringify(value)}`);
  return value;
}

/** One typed value (`{ S: 'x' }`, `{ N: 1 }`, `{ M: {...} }`, ...) as the SDK's AttributeValue. */
export function toAttributeValue(value: unknown, path: string): AttributeValue {
  if (!isRecord(value)) throw invalid(path, `expected a typed value such as { "S": "text" }, got ${JSON.stringify(value)}`);
  const keys = Object.keys(value);
  const type = keys[0] as (typeof TYPES)[number];
  if (keys.length !== 1 || !TYPES.includes(type)) {
    throw invalid(path, `expected exactly one of ${TYPES.join(', ')}, got ${JSON.stringify(keys)}`);
  }
  const inner = value[type];
  const at = fieldPath(path, type);
  switch (type) {
    case 'S':
      return { S: toStringValue(inner, at) };
    case 'N':
      return { N: toNumberString(inner, at) };
    case 'B':
      return { B: toBytes(inner, at) };
    case 'SS':
      return { SS: toList(inner, at).map((entry, index) => toStringValue(entry, fieldPath(at, index))) };
    case 'NS':
      return { NS: toList(inner, at).map((entry, index) => toNumberString(entry, fieldPath(at, index))) };
    case 'BS':
      return { BS: toList(inner, at).map((entry, index) => toBytes(entry, fieldPath(at, index))) };
    case 'M':
      if (!isRecord(inner)) throw invalid(at, 'expected a map of typed values');
      return { M: toItem(inner, at) };
    case 'L':
      return { L: toList(inner, at).map((entry, index) => toAttributeValue(entry, fieldPath(at, index))) };
    case 'NULL':
      if (inner !== true) throw invalid(at, 'NULL must be true');
      return { NULL: true };
    case 'BOOL':
      if (typeof inner !== 'boolean') throw invalid(at, 'expected true or false');
      return { BOOL: inner };
  }
}

/** A map of typed values (a key, attributeValues, expressionValues) as an SDK item. */
export function toItem(values: JsonRecord, path: string): Item {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, toAttributeValue(value, fieldPath(path, name))]));
}

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** One SDK AttributeValue as AppSync hands it to response(): numbers, strings, lists, maps, null. */
export function toJsonValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return Number(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return base64(value.B);
  if (value.SS !== undefined) return [...value.SS];
  if (value.NS !== undefined) return value.NS.map(Number);
  if (value.BS !== undefined) return value.BS.map(base64);
  if (value.L !== undefined) return value.L.map(toJsonValue);
  if (value.M !== undefined) return toJsonItem(value.M);
  throw new TypeError(`Unknown DynamoDB attribute value ${JSON.stringify(value)}`);
}

export function toJsonItem(item: Item): JsonRecord {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toJsonValue(value)]));
}

export const toJsonItemOrNull = (item: Item | undefined): JsonRecord | null => (item === undefined ? null : toJsonItem(item));

/** An SDK AttributeValue back in the typed JSON form (the inverse of toAttributeValue), for tokens. */
export function toTypedJson(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toTypedJson) };
  if (value.M !== undefined) return { M: toTypedJsonItem(value.M) };
  return value;
}

export function toTypedJsonItem(item: Item): JsonRecord {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, toTypedJson(value)]));
}

// Sets are unordered in DynamoDB, so they compare sorted; maps compare regardless of key order.
function canonical(value: AttributeValue): unknown {
  if (value.SS !== undefined) return { SS: [...value.SS].sort() };
  if (value.NS !== undefined) return { NS: value.NS.map(Number).sort((a, b) => a - b) };
  if (value.BS !== undefined) return { BS: value.BS.map(base64).sort() };
  if (value.L !== undefined) return { L: value.L.map(canonical) };
  if (value.M !== undefined) return { M: canonicalItem(value.M) };
  if (value.N !== undefined) return { N: Number(value.N) };
  if (value.B !== undefined) return { B: base64(value.B) };
  return value;
}

function canonicalItem(item: Item): [string, unknown][] {
  return Object.keys(item)
    .sort()
    .map((name) => [name, canonical(item[name])]);
}

/** Whether two items hold the same data, leaving out the attributes named in `ignore`. */
export function itemsEqual(a: Item, b: Item, ignore: readonly string[] = []): boolean {
  const without = (item: Item): Item => Object.fromEntries(Object.entries(item).filter(([name]) => !ignore.includes(name)));
  return JSON.stringify(canonicalItem(without(a))) === JSON.stringify(canonicalItem(without(b)));
}
