// DynamoDB Local as a supervised child process: start, watch, restart on the same port, stop.
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { Clock } from '../clock';
import { systemClock } from '../clock';
import { assertPortFree, findFreePort, LOOPBACK, PortInUseError } from '../ports';
import { dynamoDbLocalArgs, type DynamoDbLocalStorage } from './args';
import { describeExit, spawnChild, type ChildExit, type RunningChild } from './child';
import { DynamoDbLocalGaveUpError } from './errors';
import { resolveDynamoDbLocalJar } from './jar';
import { checkJava } from './java';
import { waitUntilReady } from './readiness';
import { DEFAULT_RESTART_LIMIT, RestartBudget, type RestartLimit } from './restart-budget';
import { signalProcess, stopChild } from './stop';

export interface DynamoDbLocalOptions {
  /** Where the database file lives. Default: `.outpost/dynamodb` under the current directory. */
  dataDir?: string;
  /** Keep everything in memory (tests). Default false. */
  inMemory?: boolean;
  /** Port on 127.0.0.1. Default: a free port. An explicit port that is taken is an error. */
  port?: number;
  log: (line: string) => void;
  /** The Java executable. Default `java` from PATH. */
  javaCommand?: string;
  /** Observes the supervisor: unexpected exits, restarts, giving up. */
  onEvent?: (event: DynamoDbLocalEvent) => void;
  /** How long one start may take before it fails. Default 60s (a cold JVM on a busy laptop). */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. Default 5s. */
  stopGraceMs?: number;
  /** Default: 5 restarts per minute. */
  restartLimit?: RestartLimit;
  /** Time source for the restart budget. */
  clock?: Clock;
}

export type DynamoDbLocalEvent =
  | { type: 'exited'; pid: number; exit: ChildExit }
  | { type: 'restarted'; pid: number; previousPid: number; restarts: number }
  | { type: 'gave-up'; error: DynamoDbLocalGaveUpError };

export interface DynamoDbLocalHandle {
  /** `http://127.0.0.1:<port>`: the value for AWS_ENDPOINT_URL_DYNAMODB. */
  readonly endpoint: string;
  readonly port: number;
  /** The pid of the current Java process (it changes when the supervisor restarts it). */
  readonly pid: number;
  /** The database folder, or undefined in memory. */
  readonly dataDir: string | undefined;
  /** Restarts done so far. */
  readonly restarts: number;
  /** Ends the Java process (SIGTERM, then SIGKILL) and resolves once it has exited. */
  stop(): Promise<void>;
}

const SERVICE = 'DynamoDB Local';
const BIND_FAILURE = /Address already in use|Failed to bind/;

interface Settings {
  javaCommand: string;
  cwd: string;
  args: string[];
  endpoint: string;
  port: number;
  startTimeoutMs: number;
  stopGraceMs: number;
  log: (line: string) => void;
  onEvent: (event: DynamoDbLocalEvent) => void;
}

/** Spawns Java and waits until it answers; kills it again if it does not. */
async function launch(settings: Settings, signal: AbortSignal): Promise<RunningChild> {
  const child = spawnChild(settings.javaCommand, settings.args, settings.cwd);
  try {
    await waitUntilReady(settings.endpoint, child, { timeoutMs: settings.startTimeoutMs, intervalMs: 100, signal });
    return child;
  } catch (error) {
    await stopChild(child, settings.stopGraceMs);
    if (BIND_FAILURE.test(child.outputTail())) throw new PortInUseError(settings.port, SERVICE, { cause: error });
    throw error;
  }
}

class SupervisedDynamoDbLocal implements DynamoDbLocalHandle {
  private state: 'running' | 'restarting' | 'stopping' | 'stopped' | 'failed' = 'running';
  private restartCount = 0;
  private restartInFlight: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private readonly killOnExit = (): void => {
    if (!this.child.hasExited()) signalProcess(this.child.pid, 'SIGKILL');
  };

  constructor(
    private readonly settings: Settings,
    private child: RunningChild,
    private readonly budget: RestartBudget,
    readonly dataDir: string | undefined,
  ) {
    // If Node exits without calling stop(), do not leave a JVM behind.
    process.once('exit', this.killOnExit);
    this.watch(child);
  }

  get endpoint(): string {
    return this.settings.endpoint;
  }

  get port(): number {
    return this.settings.port;
  }

  get pid(): number {
    return this.child.pid;
  }

  get restarts(): number {
    return this.restartCount;
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    this.state = 'stopping';
    this.abort.abort();
    await this.restartInFlight;
    await stopChild(this.child, this.settings.stopGraceMs);
    process.removeListener('exit', this.killOnExit);
    this.state = 'stopped';
  }

  private watch(child: RunningChild): void {
    void child.exited.then((exit) => {
      if (this.child !== child || this.state !== 'running') return;
      this.settings.log(`${SERVICE} (pid ${child.pid}) exited unexpectedly (${describeExit(exit)}); restarting it on port ${this.port}.`);
      this.settings.onEvent({ type: 'exited', pid: child.pid, exit });
      this.state = 'restarting';
      this.restartInFlight = this.restart(child.pid);
    });
  }

  /** Relaunches on the same port and data dir until it runs, the budget is spent, or stop() is called. */
  private async restart(previousPid: number): Promise<void> {
    let lastError: unknown;
    for (;;) {
      if (this.abort.signal.aborted) return;
      if (!this.budget.tryConsume()) {
        this.state = 'failed';
        const error = new DynamoDbLocalGaveUpError(this.budget.limit.max, this.budget.limit.windowMs, { cause: lastError });
        this.settings.log(error.message);
        this.settings.onEvent({ type: 'gave-up', error });
        return;
      }
      try {
        const child = await launch(this.settings, this.abort.signal);
        this.child = child;
        if (this.abort.signal.aborted) return;
        this.restartCount += 1;
        this.state = 'running';
        this.watch(child);
        this.settings.log(`${SERVICE} restarted (pid ${child.pid}, restart ${this.restartCount}).`);
        this.settings.onEvent({ type: 'restarted', pid: child.pid, previousPid, restarts: this.restartCount });
        return;
      } catch (error) {
        lastError = error;
        if (!this.abort.signal.aborted) this.settings.log(`${SERVICE} failed to restart: ${(error as Error).message}`);
      }
    }
  }
}

/**
 * Starts DynamoDB Local on 127.0.0.1 and resolves once it answers ListTables.
 * Rejects with JavaMissingError, JavaVersionError, PortInUseError or DynamoDbLocalStartError.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocalHandle> {
  const startedAt = Date.now();
  const javaCommand = options.javaCommand ?? 'java';
  await checkJava(javaCommand);

  let port: number;
  if (options.port === undefined) port = await findFreePort();
  else {
    await assertPortFree(options.port, SERVICE);
    port = options.port;
  }

  const dataDir = options.inMemory ? undefined : path.resolve(options.dataDir ?? path.join('.outpost', 'dynamodb'));
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const storage: DynamoDbLocalStorage = dataDir === undefined ? { inMemory: true } : { inMemory: false, dataDir };

  const jar = resolveDynamoDbLocalJar();
  const settings: Settings = {
    javaCommand,
    cwd: jar.directory,
    args: dynamoDbLocalArgs(jar, port, storage),
    endpoint: `http://${LOOPBACK}:${port}`,
    port,
    startTimeoutMs: options.startTimeoutMs ?? 60_000,
    stopGraceMs: options.stopGraceMs ?? 5_000,
    log: options.log,
    onEvent: options.onEvent ?? (() => undefined),
  };
  const child = await launch(settings, new AbortController().signal);
  const budget = new RestartBudget(options.restartLimit ?? DEFAULT_RESTART_LIMIT, options.clock ?? systemClock);
  options.log(
    `${SERVICE} ready at ${settings.endpoint} (pid ${child.pid}, ${dataDir === undefined ? 'in memory' : `data in ${dataDir}`}) ` +
      `in ${Date.now() - startedAt}ms.`,
  );
  return new SupervisedDynamoDbLocal(settings, child, budget, dataDir);
}

