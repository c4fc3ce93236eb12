// Readers for the fields of a request object, which arrives as untyped JSON from a resolver.
// Paths are written the way AppSync names request fields in its errors: `$[key][id]`.
import { MalformedRequestError } from '../errors';

export type JsonRecord = Record<string, unknown>;

export const fieldPath = (path: string, field: string | number): string => `${path}[${field}]`;

function describe(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object') return 'OBJECT';
  return typeof value === 'number' ? 'NUMBER' : typeof value === 'boolean' ? 'BOOLEAN' : 'STRING';
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectRecord(value: unknown, path: string): JsonRecord {
  if (!isRecord(value)) throw new MalformedRequestError(`Expected JSON object for '${path}' but got '${describe(value)}' instead.`);
  return value;
}

function missing(path: string): MalformedRequestError {
  return new MalformedRequestError(`Value for field '${path}' not found.`);
}

export function requiredRecord(source: JsonRecord, field: string, path: string): JsonRecord {
  const at = fieldPath(path, field);
  if (source[field] === undefined || source[field] === null) throw missing(at);
  return expectRecord(source[field], at);
}

export function optionalRecord(source: JsonRecord, field: string, path: string): JsonRecord | undefined {
  const value = source[field];
  return value === undefined || value === null ? undefined : expectRecord(value, fieldPath(path, field));
}

export function requiredString(source: JsonRecord, field: string, path: string): string {
  const at = fieldPath(path, field);
  const value = source[field];
  if (value === undefined || value === null) throw missing(at);
  if (typeof value !== 'string') throw new MalformedRequestError(`Expected STRING for '${at}' but got '${describe(value)}' instead.`);
  return value;
}

export function optionalString(source: JsonRecord, field: string, path: string): string | undefined {
  return source[field] === undefined || source[field] === null ? undefined : requiredString(source, field, path);
}

export function optionalBoolean(source: JsonRecord, field: string, path: string): boolean | undefined {
  const value = source[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new MalformedRequestError(`Expected BOOLEAN for '${fieldPath(path, field)}' but got '${describe(value)}' instead.`);
  }
  return value;
}

export function optionalInteger(source: JsonRecord, field: string, path: string): number | undefined {
  const value = source[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new MalformedRequestError(`Expected an integer for '${fieldPath(path, field)}' but got '${describe(value)}' instead.`);
  }
  return value;
}

export function requiredArray(source: JsonRecord, field: string, path: string): unknown[] {
  const at = fieldPath(path, field);
  const value = source[field];
  if (value === undefined || value === null) throw missing(at);
  if (!Array.isArray(value)) throw new MalformedRequestError(`Expected JSON array for '${at}' but got '${describe(value)}' instead.`);
  return value;
}

/** Rejects fields an operation does not take, as AppSync does (a `scanIndexForward` on a Scan fails there). */
export function rejectUnknownFields(source: JsonRecord, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(source).filter((field) => !allowed.includes(field));
  if (unknown.length > 0) {
    throw new MalformedRequestError(`Unsupported field(s) ${unknown.map((field) => `'${fieldPath(path, field)}'`).join(', ')}.`);
  }
}
