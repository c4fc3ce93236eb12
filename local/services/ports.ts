// Free-port helpers for the local services. Everything binds to loopback only.
import * as net from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** An explicitly requested port is already taken by another process. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly service: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${service} cannot listen on ${LOOPBACK}:${port}: the port is already in use. ` +
        'Stop the process that holds it, or choose another port (or none, to get a free one).',
      options,
    );
  }
}

/** Asks the OS for a port that is free right now on the loopback interface. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close((closeError) => (closeError ? reject(closeError) : resolve(port)));
    });
  });
}

/** Resolves if `port` can be bound on loopback; rejects with PortInUseError if it is taken. */
export function assertPortFree(port: number, service: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, service, { cause: error }) : error);
    });
    server.listen(port, LOOPBACK, () => {
      server.close((closeError) => (closeError ? reject(closeError) : resolve()));
    });
  });
}
