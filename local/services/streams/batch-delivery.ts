// Delivers one batch of stream records to a function the way an event source mapping does
// (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html): a failed invocation retries
// the batch, up to MaximumRetryAttempts (-1: until the record expires, here until the poller stops),
// then the batch goes to the on-failure destination and the shard moves on. With ReportBatchItemFailures the function names the records that
// failed and the retry starts at the earliest of them
// (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html).
import type { InvokeResult, LambdaErrorPayload } from '../lambda/types';
import type { DynamoDBStreamEvent, DynamoDBStreamEventRecord } from './event-record';
import { type RetryDelay, retryDelayMs } from './retry-delay';

export type Invoke = (functionName: string, event: DynamoDBStreamEvent) => Promise<InvokeResult>;

/** What the on-failure destination learns about a discarded batch. */
export interface DeliveryFailure {
  readonly condition: 'RetryAttemptsExhausted';
  readonly approximateInvokeCount: number;
  /** The last attempt's function error, or the error that prevented the invocation. */
  readonly functionError?: LambdaErrorPayload;
  readonly invokeError?: Error;
  /** The sequence numbers the function reported as failed on its last attempt. */
  readonly batchItemFailures?: readonly string[];
}

export interface DeliveryOptions {
  readonly functionName: string;
  readonly invoke: Invoke;
  readonly maximumRetryAttempts: number;
  readonly reportBatchItemFailures: boolean;
  readonly onFailure?: (records: DynamoDBStreamEventRecord[], reason: DeliveryFailure) => void | Promise<void>;
  readonly retryDelay: RetryDelay;
  readonly log: (line: string) => void;
  /** Resolves after `ms`, or early once the poller stops. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly isStopped: () => boolean;
}

type Attempt =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryFrom: number; readonly reason: Omit<DeliveryFailure, 'condition' | 'approximateInvokeCount'> };

/** Success, a partial failure (retry from the earliest failed record) or a whole-batch failure. */
function judge(result: InvokeResult, records: DynamoDBStreamEventRecord[], reportBatchItemFailures: boolean): Attempt {
  if ('error' in result) return { ok: false, retryFrom: 0, reason: { functionError: result.error } };
  if (!reportBatchItemFailures) return { ok: true };
  const failures = (result.payload as { batchItemFailures?: unknown } | null)?.batchItemFailures;
  if (!Array.isArray(failures) || failures.length === 0) return { ok: true };
  const identifiers = failures.map((failure) => (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier);
  const positions = identifiers.map((identifier) => records.findIndex((record) => record.dynamodb.SequenceNumber === identifier));
  const batchItemFailures = identifiers.map(String);
  // A null, empty or unknown itemIdentifier fails the whole batch.
  if (positions.some((position) => position < 0)) return { ok: false, retryFrom: 0, reason: { batchItemFailures } };
  return { ok: false, retryFrom: Math.min(...positions), reason: { batchItemFailures } };
}

/** Resolves once the batch is delivered, discarded to onFailure, or the poller stopped. */
export async function deliverBatch(batch: DynamoDBStreamEventRecord[], options: DeliveryOptions): Promise<void> {
  let records = batch;
  for (let invokeCount = 1; !options.isStopped(); invokeCount += 1) {
    let attempt: Attempt;
    try {
      attempt = judge(await options.invoke(options.functionName, { Records: records }), records, options.reportBatchItemFailures);
    } catch (error) {
      attempt = { ok: false, retryFrom: 0, reason: { invokeError: error as Error } };
    }
    if (attempt.ok) return;
    records = records.slice(attempt.retryFrom);
    const retriesDone = invokeCount - 1;
    const exhausted = options.maximumRetryAttempts >= 0 && retriesDone >= options.maximumRetryAttempts;
    const what = `${records.length} record(s) from ${records[0]?.dynamodb.SequenceNumber} to ${options.functionName}`;
    if (exhausted) {
      options.log(`Discarding ${what} after ${invokeCount} attempt(s).`);
      await options.onFailure?.(records, { condition: 'RetryAttemptsExhausted', approximateInvokeCount: invokeCount, ...attempt.reason });
      return;
    }
    options.log(`Delivery of ${what} failed (attempt ${invokeCount}); retrying.`);
    await options.sleep(retryDelayMs(invokeCount, options.retryDelay));
  }
}
