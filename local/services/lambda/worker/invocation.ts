// One invocation inside the worker: the Lambda context object, the callback, and the first of
// callback / context.done / returned promise that settles (aws/aws-lambda-nodejs-runtime-interface-client,
// src/Runtime.js and src/CallbackContext.js).
import type { InvokeMessage } from '../protocol';
import type { Handler } from './load-handler';

export type Outcome = { readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: unknown };

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export function runInvocation(handler: Handler, message: InvokeMessage, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const done = (error?: unknown, result?: unknown): void =>
      finish(error === undefined || error === null ? { ok: true, result } : { ok: false, error });

    const deadline = Date.now() + message.timeoutMs;
    // Locally the response is sent as soon as the callback runs: a worker cannot observe an empty
    // event loop, so callbackWaitsForEmptyEventLoop is kept only as a settable flag.
    let waitsForEmptyEventLoop = true;
    const context = {
      get callbackWaitsForEmptyEventLoop(): boolean {
        return waitsForEmptyEventLoop;
      },
      set callbackWaitsForEmptyEventLoop(value: boolean) {
        waitsForEmptyEventLoop = value;
      },
      succeed: (result: unknown) => done(null, result),
      fail: (error: unknown) => done(error ?? 'handled'),
      done,
      functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
      functionName: env.AWS_LAMBDA_FUNCTION_NAME,
      memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: undefined,
      identity: undefined,
      invokedFunctionArn: message.invokedFunctionArn,
      awsRequestId: message.requestId,
      getRemainingTimeInMillis: (): number => deadline - Date.now(),
    };

    try {
      const returned = handler(JSON.parse(message.eventJson) as unknown, context, done);
      if (isThenable(returned)) {
        returned.then(
          (result) => done(null, result),
          (error: unknown) => done(error ?? 'handled'),
        );
      } else if (handler.length < 3) {
        // A synchronous handler without a callback: Lambda answers null once the event loop drains.
        setImmediate(() => done(null, null));
      }
    } catch (error) {
      done(error ?? 'handled');
    }
  });
}
