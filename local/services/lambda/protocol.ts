// Messages between the host and a function's worker thread. Console output travels on the same port
// as results, so a function's log lines always arrive before the END line of their invocation.
import type { LogLevel } from './log-lines';
import type { LambdaErrorPayload } from './types';

export interface WorkerSettings {
  readonly codeDir: string;
  readonly handler: string;
}

export interface InvokeMessage {
  readonly type: 'invoke';
  readonly requestId: string;
  /** The event as JSON text: Lambda hands the runtime a JSON document, never a shared object. */
  readonly eventJson: string;
  readonly invokedFunctionArn: string;
  readonly timeoutMs: number;
}

export type ToWorker = InvokeMessage;

export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'init-error'; readonly error: LambdaErrorPayload }
  | { readonly type: 'log'; readonly requestId: string | undefined; readonly level: LogLevel; readonly message: string }
  /** `resultJson` is undefined when the handler resolved with undefined (Lambda then returns `null`). */
  | { readonly type: 'result'; readonly requestId: string; readonly resultJson: string | undefined; readonly heapUsedBytes: number }
  | { readonly type: 'error'; readonly requestId: string; readonly error: LambdaErrorPayload; readonly heapUsedBytes: number }
  /** An uncaught exception or unhandled rejection: the worker exits right after this message. */
  | { readonly type: 'fatal'; readonly requestId: string | undefined; readonly error: LambdaErrorPayload };
