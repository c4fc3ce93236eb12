// Lambda's error documents. Function errors are formatted as the Node.js runtime interface client
// does (aws/aws-lambda-nodejs-runtime-interface-client, src/Errors.js `toRapidResponse`); platform
// errors (timeout, a runtime that exited) carry only errorType and errorMessage, as Lambda sends them.
import type { LambdaErrorPayload } from './types';

interface ErrorLike {
  name: string;
  message: string;
  stack: string;
}

function isErrorLike(value: unknown): value is ErrorLike {
  if (value instanceof Error) return typeof value.stack === 'string';
  if (typeof value !== 'object' || value === null) return false;
  const { name, message, stack } = value as Partial<ErrorLike>;
  return typeof name === 'string' && typeof message === 'string' && typeof stack === 'string';
}

/** What a handler's throw, rejection or `callback(error)` becomes. */
export function functionErrorPayload(error: unknown): LambdaErrorPayload {
  if (isErrorLike(error)) return { errorType: error.name, errorMessage: error.message, trace: error.stack.split('\n') };
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

/** `Task timed out after 3.00 seconds`, with the request id the way Lambda prefixes platform errors. */
export function timeoutPayload(requestId: string, timeoutSeconds: number): LambdaErrorPayload {
  return {
    errorType: 'Sandbox.Timedout',
    errorMessage: `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
  };
}

/** The worker ended (process.exit, or the runtime killed itself after an uncaught error) mid-invocation. */
export function exitPayload(requestId: string, exitCode: number): LambdaErrorPayload {
  const reason = exitCode === 0 ? 'Runtime exited without providing a reason' : `Runtime exited with error: exit status ${exitCode}`;
  return { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${reason}` };
}

/** The worker ran out of the heap its memory size allows. */
export function outOfMemoryPayload(requestId: string): LambdaErrorPayload {
  return { errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: signal: killed` };
}
