// Runs inside a worker thread: cognito-local's module graph (ESM-only dependencies, the AWS SDK v2 types,
// its own pino) stays out of the main process, and the main thread only sees messages.
import type * as http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { Router } from 'cognito-local/lib/server/Router';
import { createServer } from 'cognito-local/lib/server/server';
import { LOOPBACK } from '../ports';
import { remoteClock } from './clock-bridge';
import { cognitoLogger } from './logger';
import type { FromWorker, ToWorker, WorkerSettings } from './protocol';
import { buildServices } from './wiring';

async function run(port: NonNullable<typeof parentPort>, settings: WorkerSettings): Promise<void> {
  const send = (message: FromWorker): void => port.postMessage(message);
  const log = (line: string): void => send({ type: 'log', line });
  const logger = cognitoLogger(log, settings.logLevel);
  const clock = settings.clockBuffer ? remoteClock(settings.clockBuffer, port) : { get: () => new Date() };
  let server: http.Server;
  try {
    const services = await buildServices({ ...settings, hostname: LOOPBACK, clock, log, logger });
    server = (await createServer(Router(services), logger, services.config.ServerConfig, services).start()) as http.Server;
  } catch (error) {
    const { message, stack, code } = error as NodeJS.ErrnoException;
    send({ type: 'failed', message, stack, code });
    return;
  }
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'stop') return;
    // Keep-alive sockets from SDK clients would otherwise hold close() open.
    server.close((error) => send(error ? { type: 'failed', message: error.message, stack: error.stack } : { type: 'stopped' }));
    server.closeAllConnections();
  });
  send({ type: 'ready' });
}

if (parentPort) void run(parentPort, workerData as WorkerSettings);
