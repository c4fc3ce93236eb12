// cognito-local as a managed service: a worker thread serving the Cognito API on 127.0.0.1.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Clock } from '../clock';
import { assertPortFree, findFreePort, LOOPBACK, PortInUseError } from '../ports';
import { answerClock, createClockBuffer } from './clock-bridge';
import { CognitoLocalStartError, CognitoLocalStopError } from './errors';
import type { CognitoLogLevel } from './logger';
import type { FromWorker, ToWorker, WorkerSettings } from './protocol';

export interface CognitoLocalOptions {
  /** Where pools, users and clients are stored. Default: `.outpost/cognito` under the current directory. */
  dataDir?: string;
  /** Port on 127.0.0.1. Default: a free port. An explicit port that is taken is an error. */
  port?: number;
  /** Time source for tokens (iat, auth_time, exp) and user timestamps. Default: the system clock. */
  clock?: Clock;
  log: (line: string) => void;
  /** Default 'error': failures inside cognito-local. 'warn' adds every rejected request (wrong password, unknown user). */
  logLevel?: CognitoLogLevel;
}

export interface CognitoLocalHandle {
  /** `http://127.0.0.1:<port>`: the value for AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER. */
  readonly endpoint: string;
  readonly port: number;
  readonly dataDir: string;
  /** The `iss` claim of this pool's tokens. */
  issuer(userPoolId: string): string;
  /** Where this pool's signing keys are served. */
  jwksUri(userPoolId: string): string;
  /** Closes the server and its connections, then ends the worker; resolves once it has exited. */
  stop(): Promise<void>;
}

const SERVICE = 'cognito-local';

/** The worker runs from source (.ts, through tsx's require hook) or from compiled .js, like this file. */
function workerEntry(): { file: string; execArgv: string[] } {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, `worker${extension}`);
  return { file, execArgv: extension === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [] };
}

function failure(message: Extract<FromWorker, { type: 'failed' }>): Error {
  return Object.assign(new Error(message.message), { code: message.code, stack: message.stack });
}

/** Starts cognito-local on 127.0.0.1 with its data under `dataDir`; resolves once it is listening. */
export async function startCognitoLocal(options: CognitoLocalOptions): Promise<CognitoLocalHandle> {
  const startedAt = Date.now();
  let port: number;
  if (options.port === undefined) port = await findFreePort();
  else {
    await assertPortFree(options.port, SERVICE);
    port = options.port;
  }
  const endpoint = `http://${LOOPBACK}:${port}`;
  const dataDir = path.resolve(options.dataDir ?? path.join('.outpost', 'cognito'));
  const clockBuffer = options.clock ? createClockBuffer() : undefined;
  const settings: WorkerSettings = { dataDir, port, endpoint, logLevel: options.logLevel ?? 'error', clockBuffer };

  const entry = workerEntry();
  const worker = new Worker(entry.file, { workerData: settings, execArgv: entry.execArgv });
  let state: 'starting' | 'running' | 'stopping' = 'starting';
  let exited = false;
  // The pending step (start, then stop) that worker messages settle.
  let pending: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const step = (): Promise<void> => new Promise((resolve, reject) => (pending = { resolve, reject }));
  const ready = step();

  worker.on('message', (message: FromWorker) => {
    if (message.type === 'log') options.log(message.line);
    else if (message.type === 'clock' && clockBuffer && options.clock) answerClock(clockBuffer, options.clock);
    else if (message.type === 'ready' || message.type === 'stopped') pending?.resolve();
    else if (message.type === 'failed') {
      const cause = failure(message);
      if (state !== 'starting') pending?.reject(new CognitoLocalStopError(`${SERVICE} failed to stop: ${message.message}`, { cause }));
      else if (message.code === 'EADDRINUSE') pending?.reject(new PortInUseError(port, SERVICE, { cause }));
      else pending?.reject(new CognitoLocalStartError(`${SERVICE} failed to start with data in ${dataDir}: ${message.message}`, { cause }));
    }
  });
  worker.on('error', (error) => {
    if (state === 'starting') pending?.reject(new CognitoLocalStartError(`${SERVICE} crashed while starting: ${error.message}`, { cause: error }));
    else options.log(`${SERVICE} crashed: ${error.message}`);
  });
  worker.on('exit', (code) => {
    exited = true;
    if (state === 'starting') pending?.reject(new CognitoLocalStartError(`${SERVICE} exited (worker exit code ${code}) before it was ready.`));
    else if (state === 'running') options.log(`${SERVICE} exited unexpectedly (worker exit code ${code}).`);
    else pending?.resolve();
  });

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  state = 'running';
  options.log(`${SERVICE} ready at ${endpoint} (data in ${dataDir}) in ${Date.now() - startedAt}ms.`);

  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    state = 'stopping';
    if (exited) return;
    const closed = step();
    const request: ToWorker = { type: 'stop' };
    worker.postMessage(request);
    try {
      await closed;
    } finally {
      await worker.terminate();
    }
  };
  return {
    endpoint,
    port,
    dataDir,
    issuer: (userPoolId) => `${endpoint}/${userPoolId}`,
    jwksUri: (userPoolId) => `${endpoint}/${userPoolId}/.well-known/jwks.json`,
    stop: () => (stopped ??= stop()),
  };
}
