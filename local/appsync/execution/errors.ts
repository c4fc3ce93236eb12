// Field errors and their AppSync shape in a response.
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { ScalarSerializeError } from '../scalars/aws-scalars';
import type { AppSyncError, AppSyncErrorLocation } from './types';

/** The parts of an AppSync field error a resolver decides; path and locations come from the field. */
export interface FieldErrorDetail {
  readonly message: string;
  readonly errorType?: string;
  readonly data?: unknown;
  readonly errorInfo?: unknown;
}

/** A field that failed; its value becomes null and the error is reported with the field's path. */
export class ResolverFieldError extends Error {
  readonly detail: FieldErrorDetail;

  constructor(detail: FieldErrorDetail, options?: ErrorOptions) {
    super(detail.message, options);
    this.name = 'ResolverFieldError';
    this.detail = detail;
  }
}

/** Resolver configuration that names something that does not exist. */
export class ResolverConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ResolverConfigError';
  }
}

/** `/listSummons/items[0]/createdAt`, as graphql-java prints a result path. */
export function printResultPath(path: readonly (string | number)[]): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `/${segment}`)).join('');
}

function locationsOf(error: GraphQLError): AppSyncErrorLocation[] | null {
  return error.locations ? error.locations.map(({ line, column }) => ({ line, column, sourceName: null })) : null;
}

const NON_NULL = /^Cannot return null for non-nullable field ([_A-Za-z][_0-9A-Za-z]*)\.([_A-Za-z][_0-9A-Za-z]*)\.$/;

/**
 * One execution error in AppSync's shape. Resolver errors carry `data`, `errorType` and
 * `errorInfo` (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-util-reference-js.html,
 * util.error); serialization and null errors are graphql-java's, as AppSync reports them:
 * `Can't serialize value (/path) : …` and `Cannot return null for non-nullable type: 'T' within parent 'P' (/path)`.
 */
export function toAppSyncError(error: GraphQLError, schema: GraphQLSchema): AppSyncError {
  const path = error.path ?? null;
  const original = error.originalError;
  if (original instanceof ResolverFieldError) {
    const { message, errorType, data, errorInfo } = original.detail;
    return { path, data: data ?? null, errorType, errorInfo: errorInfo ?? null, locations: locationsOf(error), message };
  }
  if (original instanceof ScalarSerializeError && path !== null) {
    return { path, locations: null, message: `Can't serialize value (${printResultPath(path)}) : ${original.message}` };
  }
  const nonNull = NON_NULL.exec(error.message);
  if (nonNull !== null && path !== null) {
    const parent = schema.getType(nonNull[1]);
    const field = parent !== undefined && 'getFields' in parent ? parent.getFields()[nonNull[2]] : undefined;
    const typeName = field !== undefined ? String(field.type).replace(/!$/, '') : nonNull[2];
    return { path, locations: null, message: `Cannot return null for non-nullable type: '${typeName}' within parent '${nonNull[1]}' (${printResultPath(path)})` };
  }
  return { path, locations: locationsOf(error), message: error.message };
}
