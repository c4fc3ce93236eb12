// The errors a DynamoDB data source hands to a resolver's response() as ctx.error.
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';

/** `ctx.error` as AppSync sets it: a message and an error type. */
export interface AppSyncError {
  readonly message: string;
  readonly type: string;
}

/**
 * A failure AppSync reports to the resolver rather than throwing: its `type` becomes the GraphQL
 * error's `errorType`. `result`, when set, is what AppSync still puts in `ctx.result` beside the
 * error (the current item of a failed condition, the cancellation reasons of a transaction).
 */
export class DataSourceError extends Error {
  override readonly name = 'DataSourceError';
  constructor(
    readonly type: string,
    message: string,
    readonly result?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toAppSyncError(): AppSyncError {
    return { message: this.message, type: this.type };
  }
}

/** The request object a resolver returned is not a valid DynamoDB request. */
export class MalformedRequestError extends DataSourceError {
  // AppSync reports request objects it cannot use with errorType "MappingTemplate", e.g.
  // https://github.com/aws/aws-appsync-community/issues/100
  constructor(message: string, options?: { cause?: unknown }) {
    super('MappingTemplate', message, undefined, options);
  }
}

/** The data source's own configuration is unusable (a programming error, thrown, not reported). */
export class DynamoDbDataSourceConfigError extends Error {
  override readonly name = 'DynamoDbDataSourceConfigError';
}

/**
 * A DynamoDB service error as AppSync reports it: `DynamoDB:<exception name>` and the service
 * message with the SDK's service suffix (e.g. "The supplied Item contains a null AttributeValue
 * (Service: DynamoDb, Status Code: 400, ...)" in https://github.com/aws/aws-appsync-community/issues/269).
 * The request ID is left out: DynamoDB Local's IDs mean nothing to a developer.
 */
export function serviceError(error: DynamoDBServiceException, result?: unknown): DataSourceError {
  const status = error.$metadata.httpStatusCode ?? 400;
  return new DataSourceError(
    `DynamoDB:${error.name}`,
    `${error.message} (Service: DynamoDb, Status Code: ${status})`,
    result,
    { cause: error },
  );
}

export function isServiceError(error: unknown): error is DynamoDBServiceException {
  return error instanceof DynamoDBServiceException;
}

/** Runs a DynamoDB call and turns a service error into the AppSync error; anything else propagates. */
export async function callDynamoDb<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isServiceError(error)) throw serviceError(error);
    throw error;
  }
}
