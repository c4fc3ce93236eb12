import * as net from 'node:net';
import { assertPortFree, findFreePort, LOOPBACK, PortInUseError } from './ports';

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve(server));
  });
}

const close = (server: net.Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe('ports', () => {
  it('findFreePort returns a port that can then be bound on loopback', async () => {
    const port = await findFreePort();
    const server = await listen(port);
    try {
      expect(server.address()).toEqual({ address: LOOPBACK, family: 'IPv4', port });
    } finally {
      await close(server);
    }
  });

  it('assertPortFree resolves for a free port', async () => {
    const port = await findFreePort();
    await expect(assertPortFree(port, 'Test service')).resolves.toBeUndefined();
  });

  it('assertPortFree rejects with PortInUseError naming the service and port when the port is taken', async () => {
    const holder = await listen(0);
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const error = await assertPortFree(port, 'Test service').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PortInUseError);
      expect({ ...(error as PortInUseError), message: (error as Error).message, cause: ((error as Error).cause as NodeJS.ErrnoException).code }).toEqual({
        name: 'PortInUseError',
        port,
        service: 'Test service',
        message:
          `Test service cannot listen on 127.0.0.1:${port}: the port is already in use. ` +
          'Stop the process that holds it, or choose another port (or none, to get a free one).',
        cause: 'EADDRINUSE',
      });
    } finally {
      await close(holder);
    }
  });
});
