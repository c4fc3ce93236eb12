// The AWS_LAMBDA data source for APPSYNC_JS resolvers
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html):
// the request handler returns `{ operation: 'Invoke' | 'BatchInvoke', payload }`. Invoke sends the
// payload as the event; BatchInvoke sends the payloads of sibling calls of the same resolver as one
// array, at most `maxBatchSize` long, and hands each call its element of the returned array.
import type { DataSource, DataSourceCallInfo, DataSourceOutcome } from '../../appsync/execution/types';

export type LambdaInvokeResult = { readonly payload: unknown } | { readonly error: { readonly message: string; readonly type?: string } };

/** Invokes the function and returns its result or the error it ended with. */
export type LambdaInvoker = (functionArn: string, payload: unknown) => Promise<LambdaInvokeResult>;

/**
 * The error type AppSync gives a function error; the message is the function's own
 * (https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html, "Returning errors").
 */
export const LAMBDA_UNHANDLED = 'Lambda:Unhandled';

interface LambdaRequest {
  readonly operation: 'Invoke' | 'BatchInvoke';
  readonly payload: unknown;
}

interface PendingCall {
  readonly payload: unknown;
  readonly settle: (outcome: DataSourceOutcome) => void;
}

function asLambdaRequest(request: unknown): LambdaRequest | string {
  if (typeof request !== 'object' || request === null) return 'The Lambda request must be an object with an operation and a payload';
  const { operation, payload } = request as { operation?: unknown; payload?: unknown };
  if (operation !== 'Invoke' && operation !== 'BatchInvoke') return `Unsupported Lambda operation: ${JSON.stringify(operation)}; expected Invoke or BatchInvoke`;
  return { operation, payload };
}

export class LambdaDataSource implements DataSource {
  /** Batches being gathered, by batch key; each is sent on the next turn of the event loop. */
  private readonly batches = new Map<string, PendingCall[]>();

  constructor(
    private readonly functionArn: string,
    private readonly invokeFunction: LambdaInvoker,
  ) {}

  async invoke(request: unknown, info: DataSourceCallInfo): Promise<DataSourceOutcome> {
    const parsed = asLambdaRequest(request);
    // AppSync reports a malformed data source request with errorType MappingTemplate
    // (https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html).
    if (typeof parsed === 'string') return { error: { message: parsed, type: 'MappingTemplate' } };
    if (parsed.operation === 'Invoke') return this.single(parsed.payload);
    return new Promise((settle) => this.enqueue(info, { payload: parsed.payload, settle }));
  }

  private async single(payload: unknown): Promise<DataSourceOutcome> {
    const outcome = await this.invokeFunction(this.functionArn, payload);
    return 'error' in outcome ? { error: { message: outcome.error.message, type: LAMBDA_UNHANDLED } } : { result: outcome.payload ?? null };
  }

  private enqueue(info: DataSourceCallInfo, call: PendingCall): void {
    const pending = this.batches.get(info.batchKey);
    if (pending !== undefined) {
      pending.push(call);
      return;
    }
    this.batches.set(info.batchKey, [call]);
    // Sibling fields are resolved in the same turn, so they are all queued by the time this runs.
    setImmediate(() => {
      const calls = this.batches.get(info.batchKey) ?? [];
      this.batches.delete(info.batchKey);
      const size = info.maxBatchSize !== undefined && info.maxBatchSize > 0 ? info.maxBatchSize : calls.length;
      for (let start = 0; start < calls.length; start += size) void this.sendBatch(calls.slice(start, start + size));
    });
  }

  private async sendBatch(calls: readonly PendingCall[]): Promise<void> {
    const outcome = await this.invokeFunction(this.functionArn, calls.map((call) => call.payload)).catch((cause: unknown) => ({
      error: { message: cause instanceof Error ? cause.message : String(cause) },
    }));
    if ('error' in outcome) {
      for (const call of calls) call.settle({ error: { message: outcome.error.message, type: LAMBDA_UNHANDLED } });
      return;
    }
    const results = outcome.payload;
    if (!Array.isArray(results) || results.length !== calls.length) {
      const message = `A BatchInvoke function must return an array of ${calls.length} results; it returned ${Array.isArray(results) ? `${results.length}` : typeof results}`;
      for (const call of calls) call.settle({ error: { message, type: LAMBDA_UNHANDLED } });
      return;
    }
    calls.forEach((call, index) => call.settle({ result: results[index] ?? null }));
  }
}
