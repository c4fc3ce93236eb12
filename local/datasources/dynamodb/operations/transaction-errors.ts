// A cancelled transaction as AppSync reports it: ctx.error plus `cancellationReasons` in
// ctx.result, one per request item in request order, with the current item where a condition failed
// and `{ type: 'None', message: 'None' }` for items that did not cause it:
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
import { TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { toJsonItem } from '../attribute-values';
import { isServiceError, serviceError } from '../errors';

function reason(cancellation: CancellationReason): Record<string, unknown> {
  const type = cancellation.Code ?? 'None';
  return {
    ...(cancellation.Item === undefined ? {} : { item: toJsonItem(cancellation.Item) }),
    type,
    message: cancellation.Message ?? type,
  };
}

/** Sends a transaction; a cancellation becomes the AppSync error with `emptyResult` plus the reasons. */
export async function sendTransaction<T>(send: () => Promise<T>, emptyResult: Record<string, null>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      throw serviceError(error, { ...emptyResult, cancellationReasons: (error.CancellationReasons ?? []).map(reason) });
    }
    if (isServiceError(error)) throw serviceError(error);
    throw error;
  }
}
