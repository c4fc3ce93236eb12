import { CreateTableCommand, GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFreePort, LOOPBACK, PortInUseError } from '../ports';
import { JavaMissingError } from './errors';
import { localDynamoDbClient } from './readiness';
import { startDynamoDbLocal, type DynamoDbLocalEvent, type DynamoDbLocalHandle } from './service';
import { isProcessAlive } from '../process-alive';

// A cold JVM on a shared 2-core machine takes seconds; restarts take that again.
jest.setTimeout(180_000);

/** Pids of DynamoDB Local processes serving `port`, found by their command line. */
function javaPidsOnPort(port: number): number[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('DynamoDBLocal.jar') && line.includes(` -port ${port} `))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Collects supervisor events and lets a test wait for the next one of a type. */
function eventRecorder() {
  const events: DynamoDbLocalEvent[] = [];
  const waiters: { type: DynamoDbLocalEvent['type']; resolve: () => void }[] = [];
  return {
    events,
    onEvent: (event: DynamoDbLocalEvent): void => {
      events.push(event);
      waiters.filter((waiter) => waiter.type === event.type).forEach((waiter) => waiter.resolve());
    },
    next: (type: DynamoDbLocalEvent['type']): Promise<void> => new Promise((resolve) => waiters.push({ type, resolve })),
  };
}

/** Log lines with their timings masked, so the whole list can be compared. */
const masked = (lines: string[]): string[] => lines.map((line) => line.replace(/ in \d+ms\./, ' in <ms>ms.'));

describe('startDynamoDbLocal', () => {
  const handles: DynamoDbLocalHandle[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.stop()));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('runs in memory on an explicit port, answers ListTables, and stop() ends the Java process by its pid', async () => {
    const port = await findFreePort();
    const log: string[] = [];
    const handle = await startDynamoDbLocal({ inMemory: true, port, log: (line) => log.push(line) });
    handles.push(handle);
    const client = localDynamoDbClient(handle.endpoint);
    try {
      const tables = await client.send(new ListTablesCommand({}));
      expect({ endpoint: handle.endpoint, port: handle.port, dataDir: handle.dataDir, restarts: handle.restarts, tables: tables.TableNames }).toEqual({
        endpoint: `http://127.0.0.1:${port}`,
        port,
        dataDir: undefined,
        restarts: 0,
        tables: [],
      });
    } finally {
      client.destroy();
    }
    const pid = handle.pid;
    expect(javaPidsOnPort(port)).toEqual([pid]);
    await handle.stop();
    expect({ alive: isProcessAlive(pid), javaPids: javaPidsOnPort(port), log: masked(log) }).toEqual({
      alive: false,
      javaPids: [],
      log: [`DynamoDB Local ready at http://127.0.0.1:${port} (pid ${pid}, in memory) in <ms>ms.`],
    });
  });

  it('restarts a killed process on the same port and data dir, and the data is still there', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'outpost-ddb-'));
    dirs.push(dataDir);
    const log: string[] = [];
    const recorder = eventRecorder();
    const handle = await startDynamoDbLocal({ dataDir, log: (line) => log.push(line), onEvent: recorder.onEvent });
    handles.push(handle);
    const client = localDynamoDbClient(handle.endpoint);
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'Notes',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await client.send(new PutItemCommand({ TableName: 'Notes', Item: { id: { S: 'n1' }, title: { S: 'Field day' } } }));

      const firstPid = handle.pid;
      const restarted = recorder.next('restarted');
      process.kill(firstPid, 'SIGKILL');
      await restarted;

      const item = await client.send(new GetItemCommand({ TableName: 'Notes', Key: { id: { S: 'n1' } } }));
      const tables = await client.send(new ListTablesCommand({}));
      expect({
        port: handle.port,
        endpoint: handle.endpoint,
        dataDir: handle.dataDir,
        restarts: handle.restarts,
        firstAlive: isProcessAlive(firstPid),
        newAlive: isProcessAlive(handle.pid),
        events: recorder.events,
        item: item.Item,
        tables: tables.TableNames,
        log: masked(log),
      }).toEqual({
        port: handle.port,
        endpoint: `http://127.0.0.1:${handle.port}`,
        dataDir,
        restarts: 1,
        firstAlive: false,
        newAlive: true,
        events: [
          { type: 'exited', pid: firstPid, exit: { code: null, signal: 'SIGKILL' } },
          { type: 'restarted', pid: handle.pid, previousPid: firstPid, restarts: 1 },
        ],
        item: { id: { S: 'n1' }, title: { S: 'Field day' } },
        tables: ['Notes'],
        log: [
          `DynamoDB Local ready at ${handle.endpoint} (pid ${firstPid}, data in ${dataDir}) in <ms>ms.`,
          `DynamoDB Local (pid ${firstPid}) exited unexpectedly (signal SIGKILL); restarting it on port ${handle.port}.`,
          `DynamoDB Local restarted (pid ${handle.pid}, restart 1).`,
        ],
      });
      expect(handle.pid).not.toBe(firstPid);
    } finally {
      client.destroy();
      await handle.stop();
    }
  });

  it('gives up, with a clear error, once the restart budget is spent', async () => {
    const log: string[] = [];
    const recorder = eventRecorder();
    const handle = await startDynamoDbLocal({
      inMemory: true,
      log: (line) => log.push(line),
      onEvent: recorder.onEvent,
      restartLimit: { max: 0, windowMs: 60_000 },
    });
    handles.push(handle);
    const pid = handle.pid;
    const gaveUp = recorder.next('gave-up');
    process.kill(pid, 'SIGKILL');
    await gaveUp;
    await handle.stop();
    const message =
      'DynamoDB Local exited unexpectedly again, and the limit of 0 restarts per 60s is reached, ' +
      'so it stays down. Restart Outpost Local to try again.';
    expect({
      events: recorder.events.map((event) => (event.type === 'gave-up' ? { type: event.type, name: event.error.name, message: event.error.message } : event)),
      log: masked(log),
    }).toEqual({
      events: [
        { type: 'exited', pid, exit: { code: null, signal: 'SIGKILL' } },
        { type: 'gave-up', name: 'DynamoDbLocalGaveUpError', message },
      ],
      log: [
        `DynamoDB Local ready at ${handle.endpoint} (pid ${pid}, in memory) in <ms>ms.`,
        `DynamoDB Local (pid ${pid}) exited unexpectedly (signal SIGKILL); restarting it on port ${handle.port}.`,
        message,
      ],
    });
  });

  it('stop() during a restart ends the relaunch: no Java process is left and no restart is reported', async () => {
    const recorder = eventRecorder();
    const handle = await startDynamoDbLocal({ inMemory: true, log: () => undefined, onEvent: recorder.onEvent });
    handles.push(handle);
    const firstPid = handle.pid;
    const exited = recorder.next('exited');
    process.kill(firstPid, 'SIGKILL');
    await exited;
    await handle.stop();
    expect({ javaPids: javaPidsOnPort(handle.port), events: recorder.events }).toEqual({
      javaPids: [],
      events: [{ type: 'exited', pid: firstPid, exit: { code: null, signal: 'SIGKILL' } }],
    });
  });

  it('refuses an explicit port that is taken, with PortInUseError', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, LOOPBACK, resolve));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const error = await startDynamoDbLocal({ inMemory: true, port, log: () => undefined }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PortInUseError);
      expect({ name: (error as PortInUseError).name, port: (error as PortInUseError).port, message: (error as Error).message }).toEqual({
        name: 'PortInUseError',
        port,
        message:
          `DynamoDB Local cannot listen on 127.0.0.1:${port}: the port is already in use. ` +
          'Stop the process that holds it, or choose another port (or none, to get a free one).',
      });
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('refuses to start without Java, naming the command and how to install Java', async () => {
    const error = await startDynamoDbLocal({ inMemory: true, javaCommand: '/nonexistent/bin/java', log: () => undefined }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(JavaMissingError);
    expect((error as Error).message).toEqual(
      'DynamoDB Local needs Java, but `/nonexistent/bin/java` could not be run. Install Java 17 or newer: ' +
        '`apt-get install -y openjdk-17-jre-headless` (Debian/Ubuntu) or `brew install openjdk@17` (macOS).',
    );
  });
});
