// Ports in use: a port the developer asked for must be free, or the start fails with a clear error
// before any service starts; the port remembered from last time (or the default) gives way to a
// free one, with a log line saying so, and the new one is remembered.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFreePort, LOOPBACK, PortInUseError } from '../../local/services/ports';
import type { LocalStack } from '../../local/stack/start-stack';
import { ok, postGraphql } from '../harness/graphql-http';
import { freePorts, startTestStack, STACK_START_TIMEOUT_MS } from '../harness/local-stack';

jest.setTimeout(STACK_START_TIMEOUT_MS);

/** Holds a port the way another program would, until `close()`. */
async function holdPort(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  return { port, close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))) };
}

const dataDirs: string[] = [];
const stacks: LocalStack[] = [];
const held: { close(): Promise<void> }[] = [];

function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-stack-ports-'));
  dataDirs.push(dir);
  return dir;
}

afterAll(async () => {
  try {
    for (const stack of stacks) await stack.stop();
    for (const port of held) await port.close();
  } finally {
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('refuses an explicitly requested HTTPS port that is taken', async () => {
  const taken = await holdPort();
  held.push(taken);
  const log: string[] = [];
  const outcome = await startTestStack({ dataDir: newDataDir(), log, ports: { ...(await freePorts()), https: taken.port } }).then(
    (stack) => {
      stacks.push(stack);
      return stack;
    },
    (error: unknown) => error,
  );
  expect({
    isPortInUse: outcome instanceof PortInUseError,
    error: outcome instanceof PortInUseError ? { port: outcome.port, service: outcome.service, message: outcome.message } : outcome,
    // It failed before any service started.
    started: log.filter((line) => line.includes(' ready at ')),
  }).toEqual({
    isPortInUse: true,
    error: {
      port: taken.port,
      service: 'The GraphQL HTTPS endpoint',
      message:
        `The GraphQL HTTPS endpoint cannot listen on 127.0.0.1:${taken.port}: the port is already in use. ` +
        'Stop the process that holds it, or choose another port (or none, to get a free one).',
    },
    started: [],
  });
});

it('moves off a remembered port that is taken, says so, and remembers the new one', async () => {
  const taken = await holdPort();
  held.push(taken);
  const dataDir = newDataDir();
  const remembered = { https: taken.port, http: await findFreePort(), cognito: await findFreePort() };
  fs.writeFileSync(path.join(dataDir, 'ports.json'), JSON.stringify(remembered));
  const log: string[] = [];
  const stack = await startTestStack({ dataDir, log, ports: {} });
  stacks.push(stack);
  const moved = stack.ports.https;
  expect({
    ports: stack.ports,
    log: log.filter((line) => line.startsWith('ports:')),
    rememberedNow: JSON.parse(fs.readFileSync(path.join(dataDir, 'ports.json'), 'utf8')),
    https: stack.urls.https,
    served: await postGraphql(stack.urls.https, { query: '{ __typename }' }, { headers: { 'x-api-key': stack.apiKey! }, ca: fs.readFileSync(stack.caCertPath, 'utf8') }),
  }).toEqual({
    ports: { https: moved, http: remembered.http, cognito: remembered.cognito },
    log: [`ports: The GraphQL HTTPS endpoint would use port ${taken.port}, which is in use; using ${moved} instead`],
    rememberedNow: { https: moved, http: remembered.http, cognito: remembered.cognito },
    https: `https://localhost:${moved}/graphql`,
    served: ok({ data: { __typename: 'Query' } }),
  });
  expect(moved).not.toBe(taken.port);
});
