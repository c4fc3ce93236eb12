// What AppSync does when the condition of a PutItem, UpdateItem or DeleteItem fails:
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
// (Handling a condition check failure). It reads the current item (strongly consistent unless
// `consistentRead: false`) and
// - PutItem: succeeds anyway if the current item equals the one it tried to write (minus `equalsIgnore`);
// - DeleteItem: succeeds anyway if there is no current item;
// - otherwise rejects: ctx.error is DynamoDB:ConditionalCheckFailedException and ctx.result the current item.
// On a versioned data source a current item at another version than the client saw is a conflict.
import { ConditionalCheckFailedException, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { itemsEqual, toJsonItem, toJsonItemOrNull, type Item } from './attribute-values';
import { callDynamoDb, DataSourceError, isServiceError, serviceError } from './errors';
import type { OperationContext } from './operation-context';
import type { ConditionSection } from './request/condition';
import { conflictError, METADATA_FIELDS, versionOf } from './versioning/metadata';

export interface ConditionalWrite {
  readonly operation: 'PutItem' | 'UpdateItem' | 'DeleteItem';
  readonly key: Item;
  readonly condition: ConditionSection | undefined;
  /** The whole item a PutItem tried to write. */
  readonly attempted?: Item;
  /** `_version` of the request on a versioned data source. */
  readonly expectedVersion?: number;
}

async function currentItem(context: OperationContext, key: Item, consistentRead: boolean): Promise<Item | undefined> {
  const output = await callDynamoDb(() =>
    context.client.send(new GetItemCommand({ TableName: context.tableName, Key: key, ConsistentRead: consistentRead })),
  );
  return output.Item;
}

async function onConditionFailed(context: OperationContext, write: ConditionalWrite, failure: ConditionalCheckFailedException): Promise<unknown> {
  const current = await currentItem(context, write.key, write.condition?.consistentRead ?? true);
  if (context.versioning !== undefined && current !== undefined && versionOf(current) !== write.expectedVersion) {
    throw conflictError(current, failure);
  }
  if (write.operation === 'PutItem' && current !== undefined && write.attempted !== undefined) {
    const ignore = [...(write.condition?.equalsIgnore ?? []), ...(context.versioning === undefined ? [] : METADATA_FIELDS)];
    if (itemsEqual(current, write.attempted, ignore)) return toJsonItem(current);
  }
  if (write.operation === 'DeleteItem' && current === undefined) return null;
  if (write.condition?.strategy === 'Custom') {
    throw new DataSourceError(
      'UnsupportedOperation',
      'The Custom conditionalCheckFailedHandler invokes a Lambda function, which Outpost Local does not do; use the Reject strategy.',
      toJsonItemOrNull(current),
      { cause: failure },
    );
  }
  throw serviceError(failure, toJsonItemOrNull(current));
}

/**
 * Sends a conditional write. Resolves with `onSuccess`'s result, or with the result AppSync gives
 * when the failed condition still counts as success; throws the AppSync error otherwise.
 */
export async function sendConditional<T>(
  context: OperationContext,
  write: ConditionalWrite,
  send: () => Promise<T>,
  onSuccess: (output: T) => Promise<unknown>,
): Promise<unknown> {
  let output: T;
  try {
    output = await send();
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return onConditionFailed(context, write, error);
    if (isServiceError(error)) throw serviceError(error);
    throw error;
  }
  return onSuccess(output);
}
