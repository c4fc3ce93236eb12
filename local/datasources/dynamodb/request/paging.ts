// Fields shared by the paged reads (Query, Scan, Sync).
import { MalformedRequestError } from '../errors';
import { fieldPath, optionalInteger, type JsonRecord } from './fields';

export function readLimit(request: JsonRecord, path: string, max?: number): number | undefined {
  const limit = optionalInteger(request, 'limit', path);
  if (limit === undefined) return undefined;
  if (limit < 1 || (max !== undefined && limit > max)) {
    throw new MalformedRequestError(`'${fieldPath(path, 'limit')}' must be between 1 and ${max ?? 'the DynamoDB maximum'}, got ${limit}.`);
  }
  return limit;
}

// The values the Query docs list for `select`.
const SELECT = ['ALL_ATTRIBUTES', 'ALL_PROJECTED_ATTRIBUTES', 'SPECIFIC_ATTRIBUTES'] as const;
export type Select = (typeof SELECT)[number];

export function readSelect(request: JsonRecord, path: string): Select | undefined {
  const select = request.select;
  if (select === undefined || select === null) return undefined;
  if (typeof select !== 'string' || !(SELECT as readonly string[]).includes(select)) {
    throw new MalformedRequestError(`'${fieldPath(path, 'select')}' must be one of ${SELECT.join(', ')}.`);
  }
  return select as Select;
}
