// Request fields AppSync accepts that Outpost Local does not implement: an explicit error, never
// a silently different behaviour.
import { DataSourceError } from '../errors';
import type { JsonRecord } from './fields';

export function rejectUnsupportedFields(request: JsonRecord, fields: readonly string[], operation: string): void {
  const present = fields.filter((field) => request[field] !== undefined && request[field] !== null);
  if (present.length > 0) {
    const names = present.map((field) => `'${field}'`).join(', ');
    throw new DataSourceError('UnsupportedOperation', `Outpost Local does not support ${names} in ${operation}.`);
  }
}
