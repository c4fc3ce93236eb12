// cognito-local reads its clock synchronously, inside the worker thread, while the injected clock lives on the
// main thread. The worker asks for the time and blocks on a shared buffer until the main thread writes it.
import type { MessagePort } from 'node:worker_threads';
import type { Clock } from '../clock';
import type { FromWorker } from './protocol';

const PENDING = 0;
const ANSWERED = 1;
const TIMEOUT_MS = 5_000;

/** The main thread stopped answering clock requests. */
export class ClockBridgeError extends Error {
  override readonly name = 'ClockBridgeError';
  constructor() {
    super(`cognito-local asked the injected clock for the time and got no answer within ${TIMEOUT_MS}ms.`);
  }
}

export function createClockBuffer(): SharedArrayBuffer {
  // [0..4): state (Int32), [8..16): epoch milliseconds (Float64).
  return new SharedArrayBuffer(16);
}

/** Main thread: answers one clock request from the worker. */
export function answerClock(buffer: SharedArrayBuffer, clock: Clock): void {
  new Float64Array(buffer, 8, 1)[0] = clock.now().getTime();
  const state = new Int32Array(buffer, 0, 1);
  Atomics.store(state, 0, ANSWERED);
  Atomics.notify(state, 0);
}

/** Worker thread: a cognito-local Clock (it has get(), not now()) backed by the main thread's clock. */
export function remoteClock(buffer: SharedArrayBuffer, port: MessagePort): { get(): Date } {
  const state = new Int32Array(buffer, 0, 1);
  const time = new Float64Array(buffer, 8, 1);
  return {
    get(): Date {
      Atomics.store(state, 0, PENDING);
      const request: FromWorker = { type: 'clock' };
      port.postMessage(request);
      if (Atomics.wait(state, 0, PENDING, TIMEOUT_MS) === 'timed-out') throw new ClockBridgeError();
      return new Date(time[0] as number);
    },
  };
}
