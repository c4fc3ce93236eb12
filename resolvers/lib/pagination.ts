import { util } from '@aws-appsync/utils';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A connection's page size: `limit` if given (1 to MAX_PAGE_SIZE), else DEFAULT_PAGE_SIZE. */
export function pageSize(limit: number | null | undefined): number {
  if (limit === null || limit === undefined) return DEFAULT_PAGE_SIZE;
  if (limit < 1 || limit > MAX_PAGE_SIZE) {
    util.error(`limit must be 1 to ${MAX_PAGE_SIZE} (received ${limit}).`, 'ValidationError');
  }
  return limit;
}

/** The Query fields for a page: the data source issues and checks the opaque nextToken itself. */
export function pageFields(limit: number | null | undefined, nextToken: string | null | undefined): { limit: number; nextToken?: string } {
  return nextToken ? { limit: pageSize(limit), nextToken } : { limit: pageSize(limit) };
}
