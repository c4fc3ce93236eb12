import type { SourceLocation } from 'graphql';

/** A field error in the shape AppSync reports it inside a 200 response. */
export interface AppSyncFieldError {
  readonly path: readonly (string | number)[];
  readonly data: null;
  readonly errorType: string;
  readonly errorInfo: null;
  readonly locations: readonly { readonly line: number; readonly column: number; readonly sourceName: null }[];
  readonly message: string;
}

/**
 * The error AppSync reports for a field the caller may not read; the field's value is null.
 * Shape as AppSync returns it (aws-amplify/amplify-category-api#2422).
 */
export function unauthorizedFieldError(parentType: string, fieldName: string, path: readonly (string | number)[], locations: readonly SourceLocation[]): AppSyncFieldError {
  return {
    path,
    data: null,
    errorType: 'Unauthorized',
    errorInfo: null,
    locations: locations.map(({ line, column }) => ({ line, column, sourceName: null })),
    message: `Not Authorized to access ${fieldName} on type ${parentType}`,
  };
}
