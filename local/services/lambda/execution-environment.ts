// One execution environment: a worker thread running one function, seen from the host as a stream
// of events. Console output is forwarded as it arrives; everything else waits for the invoker.
import { once } from 'node:events';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerSettings } from './protocol';

export type EnvironmentEvent =
  | Exclude<FromWorker, { type: 'log' }>
  | { readonly type: 'exit'; readonly code: number }
  /** The worker died of something it could not report itself, such as running out of heap. */
  | { readonly type: 'crash'; readonly error: Error };

export interface EnvironmentOptions {
  readonly settings: WorkerSettings;
  readonly env: Record<string, string>;
  readonly memoryMb: number;
  readonly onLog: (message: Extract<FromWorker, { type: 'log' }>) => void;
  /** Raw stdout/stderr writes that bypass console (process.stdout.write), forwarded line by line. */
  readonly onOutput: (line: string) => void;
}

/** Under ts-jest or tsx the worker is TypeScript, so the worker loads tsx first; compiled, it is plain JS. */
function workerEntry(): { file: string; execArgv: string[] } {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, 'worker', `worker${extension}`);
  return { file, execArgv: extension === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [] };
}

export class ExecutionEnvironment {
  private readonly worker: Worker;
  private readonly events: EnvironmentEvent[] = [];
  private waiting: ((event: EnvironmentEvent) => void) | undefined;
  private exitedWith: number | undefined;
  /** Heap in use after the last invocation, for REPORT's Max Memory Used. */
  heapUsedBytes = 0;

  constructor(options: EnvironmentOptions) {
    const entry = workerEntry();
    this.worker = new Worker(entry.file, {
      workerData: options.settings,
      env: options.env,
      execArgv: entry.execArgv,
      // The memory size caps the worker's heap, so a function that outgrows it fails as in Lambda.
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
      stdout: true,
      stderr: true,
    });
    this.forwardLines(this.worker.stdout, options.onOutput);
    this.forwardLines(this.worker.stderr, options.onOutput);
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'log') options.onLog(message);
      else this.push(message);
    });
    this.worker.on('error', (error) => this.push({ type: 'crash', error }));
    this.worker.on('exit', (code) => {
      this.exitedWith = code;
      this.push({ type: 'exit', code });
    });
  }

  get hasExited(): boolean {
    return this.exitedWith !== undefined;
  }

  /** Alive and quiet: nothing happened (a crash in a timer, an exit) since the last invocation ended. */
  get isWarm(): boolean {
    return !this.hasExited && this.events.length === 0;
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** The next event the invoker has not seen yet. */
  nextEvent(): Promise<EnvironmentEvent> {
    const event = this.events.shift();
    if (event) return Promise.resolve(event);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async terminate(): Promise<void> {
    if (this.hasExited) return;
    const exited = once(this.worker, 'exit');
    await this.worker.terminate();
    await exited;
  }

  private push(event: EnvironmentEvent): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting(event);
    else this.events.push(event);
  }

  private forwardLines(stream: Readable, onLine: (line: string) => void): void {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
  }
}
