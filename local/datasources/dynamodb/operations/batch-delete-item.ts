// BatchDeleteItem: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html
// ctx.result is { data: { <table>: [key or null] }, unprocessedKeys: { <table>: [keys] } }: only the
// keys come back, not the deleted items.
import type { Operation } from '../operation-context';
import { batchWrite, readWriteTables, rejectOnVersionedSource } from './batch-write';

export const batchDeleteItem: Operation = async (request, context) => {
  rejectOnVersionedSource('BatchDeleteItem', context);
  const { data, unprocessed } = await batchWrite(context.client, readWriteTables(request), 'delete');
  return { data, unprocessedKeys: unprocessed };
};
