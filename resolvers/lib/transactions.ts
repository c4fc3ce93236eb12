import type { Context, DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';

export type TransactItem = DynamoDBTransactWriteItemsRequest['transactItems'][number];

/**
 * Whether the item at `index` of a cancelled TransactWriteItems failed its condition. AppSync puts
 * the reasons, one per item in request order, in ctx.result.cancellationReasons:
 * https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
 */
export function conditionFailedAt(ctx: Context, index: number): boolean {
  const reasons = ctx.result && ctx.result.cancellationReasons ? ctx.result.cancellationReasons : [];
  return Boolean(reasons[index]) && reasons[index].type === 'ConditionalCheckFailed';
}
