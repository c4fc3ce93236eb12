// BatchPutItem: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html
// ctx.result is { data: { <table>: [item or null] }, unprocessedItems: { <table>: [items] } }.
import type { Operation } from '../operation-context';
import { batchWrite, readWriteTables, rejectOnVersionedSource } from './batch-write';

export const batchPutItem: Operation = async (request, context) => {
  rejectOnVersionedSource('BatchPutItem', context);
  const { data, unprocessed } = await batchWrite(context.client, readWriteTables(request), 'put');
  return { data, unprocessedItems: unprocessed };
};
