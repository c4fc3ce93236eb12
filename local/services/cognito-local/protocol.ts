// Messages between startCognitoLocal (main thread) and the worker thread that runs cognito-local.
import type { CognitoLogLevel } from './logger';

export interface WorkerSettings {
  dataDir: string;
  port: number;
  endpoint: string;
  logLevel: CognitoLogLevel;
  /** Present when the caller injected a clock: the worker reads time through it (see clock-bridge.ts). */
  clockBuffer?: SharedArrayBuffer;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'log'; line: string }
  | { type: 'clock' }
  | { type: 'failed'; message: string; code?: string; stack?: string }
  | { type: 'stopped' };

export type ToWorker = { type: 'stop' };
