// Runs inside a function's worker thread: loads the handler once (the init phase), then serves
// invocations one at a time. process.env here is the function's own environment (set by the host).
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { functionErrorPayload } from '../error-payload';
import type { FromWorker, ToWorker, WorkerSettings } from '../protocol';
import { patchConsole, type RequestIdHolder } from './console-patch';
import { runInvocation } from './invocation';
import { loadHandler } from './load-handler';
import { UnhandledPromiseRejection } from './runtime-errors';

/** The runtime's `Errors.toFormatted`: the error's own fields plus a stack split into lines. */
function formatted(error: unknown): string {
  if (!(error instanceof Error)) return `\t${JSON.stringify(functionErrorPayload(error))}`;
  const fields = { errorType: error.name, errorMessage: error.message, ...error, stack: error.stack?.split('\n') };
  return `\t${JSON.stringify(fields)}`;
}

/** The response document; a result JSON cannot express fails the invocation, as in the runtime's RAPID client. */
function serialize(result: unknown): { ok: true; json: string | undefined } | { ok: false; error: unknown } {
  try {
    return { ok: true, json: JSON.stringify(result) };
  } catch (error) {
    return { ok: false, error: new Error('Unable to stringify response body', { cause: error }) };
  }
}

async function run(port: NonNullable<typeof parentPort>, settings: WorkerSettings): Promise<void> {
  const send = (message: FromWorker): void => port.postMessage(message);
  const requestId: RequestIdHolder = { current: undefined };
  patchConsole(send, requestId);

  // As the Node.js runtime does: report the error against the current invocation, then exit
  // (129 for an uncaught exception, 128 for an unhandled rejection).
  process.on('uncaughtException', (error) => {
    console.error('Uncaught Exception', formatted(error));
    send({ type: 'fatal', requestId: requestId.current, error: functionErrorPayload(error) });
    process.exit(129);
  });
  process.on('unhandledRejection', (reason) => {
    const error = new UnhandledPromiseRejection(String(reason));
    console.error('Unhandled Promise Rejection', formatted(error));
    send({ type: 'fatal', requestId: requestId.current, error: functionErrorPayload(error) });
    process.exit(128);
  });

  let handler;
  try {
    handler = await loadHandler(settings.codeDir, settings.handler);
  } catch (error) {
    console.error('Uncaught Exception', formatted(error));
    send({ type: 'init-error', error: functionErrorPayload(error) });
    return;
  }
  const loaded = handler;

  port.on('message', (message: ToWorker) => {
    requestId.current = message.requestId;
    void runInvocation(loaded, message, process.env).then((outcome) => {
      const heapUsedBytes = getHeapStatistics().used_heap_size;
      const serialized = outcome.ok ? serialize(outcome.result) : outcome;
      if (serialized.ok) {
        send({ type: 'result', requestId: message.requestId, resultJson: serialized.json, heapUsedBytes });
      } else {
        console.error('Invoke Error', formatted(serialized.error));
        send({ type: 'error', requestId: message.requestId, error: functionErrorPayload(serialized.error), heapUsedBytes });
      }
    });
  });
  send({ type: 'ready' });
}

if (parentPort) void run(parentPort, workerData as WorkerSettings);
