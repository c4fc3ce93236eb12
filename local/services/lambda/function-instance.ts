// One function on the host: a warm execution environment reused across invocations, which run one at
// a time (a Lambda execution environment never runs two invocations at once). Timeouts and crashes
// discard the environment; the next invocation starts a new one, as Lambda resets a failed sandbox.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import { LambdaRuntimeStoppedError, WorkerProtocolError } from './errors';
import { functionEnvironment, logStreamName } from './environment';
import { exitPayload, outOfMemoryPayload, timeoutPayload } from './error-payload';
import { type EnvironmentEvent, ExecutionEnvironment } from './execution-environment';
import { consoleLine, endLine, initReportLine, initStartLine, type Report, reportLine, startLine } from './log-lines';
import type { FunctionSpec, InvokeResult, LambdaErrorPayload } from './types';

export interface InstanceOptions {
  readonly baseEnv: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
  readonly clock: Clock;
  readonly newRequestId: () => string;
}

type Failure = NonNullable<Report['failure']>;

interface Settled {
  readonly result: InvokeResult;
  /** Set when the platform ended the invocation; the environment is then discarded. */
  readonly failure?: Failure;
}

const MEBIBYTE = 1024 * 1024;
const NODE_MAJOR = process.versions.node.split('.')[0] as string;

export class FunctionInstance {
  private environment: ExecutionEnvironment | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    readonly spec: FunctionSpec,
    private readonly options: InstanceOptions,
  ) {}

  invoke(event: unknown): Promise<InvokeResult> {
    const run = this.queue.then(() => this.invokeNow(event));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Lets queued invocations finish, then ends the worker (hot reload). */
  async drain(): Promise<void> {
    await this.queue;
    await this.stop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const environment = this.environment;
    this.environment = undefined;
    await environment?.terminate();
  }

  private async invokeNow(event: unknown): Promise<InvokeResult> {
    if (this.stopped) throw new LambdaRuntimeStoppedError(this.spec.name);
    const requestId = this.options.newRequestId();
    const eventJson = JSON.stringify(event ?? null);
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<EnvironmentEvent | 'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      if (this.environment && !this.environment.isWarm) await this.discard(this.environment);
      const cold = this.environment === undefined;
      const initStartedAt = this.now();
      const environment = this.environment ?? this.startEnvironment();
      const initialized = cold ? await this.awaitInit(environment, requestId, initStartedAt, timedOut) : undefined;
      const initDurationMs = cold ? this.now() - initStartedAt : undefined;
      const startedAt = this.now();
      this.options.log(startLine(requestId));
      const settled =
        initialized ?? (await this.awaitResult(environment, { type: 'invoke', requestId, eventJson, invokedFunctionArn: this.spec.arn, timeoutMs }, timedOut));
      if (this.stopped) throw new LambdaRuntimeStoppedError(this.spec.name);
      const durationMs = this.now() - startedAt;
      this.options.log(endLine(requestId));
      this.options.log(
        reportLine({
          requestId,
          durationMs,
          memorySizeMb: this.spec.memoryMb,
          maxMemoryUsedMb: Math.ceil(environment.heapUsedBytes / MEBIBYTE),
          initDurationMs,
          failure: settled.failure,
        }),
      );
      if (settled.failure) await this.discard(environment);
      return settled.result;
    } finally {
      clearTimeout(timer);
    }
  }

  private startEnvironment(): ExecutionEnvironment {
    const environmentId = randomBytes(16).toString('hex');
    this.options.log(initStartLine(NODE_MAJOR));
    const environment = new ExecutionEnvironment({
      settings: { codeDir: this.spec.codeDir, handler: this.spec.handler },
      env: functionEnvironment({
        spec: this.spec,
        baseEnv: this.options.baseEnv,
        logStreamName: logStreamName(this.options.clock.now(), environmentId),
        nodeMajorVersion: NODE_MAJOR,
      }),
      memoryMb: this.spec.memoryMb,
      // Lines written during init carry no request id: the runtime prints `undefined` there.
      onLog: (message) => this.options.log(consoleLine(this.options.clock.now(), message.requestId, message.level, message.message)),
      onOutput: (line) => this.options.log(line),
    });
    this.environment = environment;
    return environment;
  }

  /** Undefined once the handler is loaded; otherwise how the cold invocation ended. */
  private async awaitInit(
    environment: ExecutionEnvironment,
    requestId: string,
    initStartedAt: number,
    timedOut: Promise<EnvironmentEvent | 'timeout'>,
  ): Promise<Settled | undefined> {
    const event = await Promise.race([environment.nextEvent(), timedOut]);
    if (event !== 'timeout' && event.type === 'ready') return undefined;
    if (event !== 'timeout' && event.type === 'init-error') {
      const errorType = event.error.errorType;
      this.options.log(initReportLine(this.now() - initStartedAt, errorType));
      return { result: { error: event.error }, failure: { status: 'error', errorType } };
    }
    return this.platformFailure(event, requestId);
  }

  private async awaitResult(
    environment: ExecutionEnvironment,
    message: Parameters<ExecutionEnvironment['send']>[0],
    timedOut: Promise<EnvironmentEvent | 'timeout'>,
  ): Promise<Settled> {
    environment.send(message);
    const event = await Promise.race([environment.nextEvent(), timedOut]);
    if (event !== 'timeout' && event.type === 'result') {
      environment.heapUsedBytes = event.heapUsedBytes;
      return { result: { payload: event.resultJson === undefined ? null : (JSON.parse(event.resultJson) as unknown) } };
    }
    if (event !== 'timeout' && event.type === 'error') {
      environment.heapUsedBytes = event.heapUsedBytes;
      return { result: { error: event.error } };
    }
    return this.platformFailure(event, message.requestId);
  }

  /** The invocation ended without an answer from the handler: timeout, fatal error, exit or crash. */
  private platformFailure(event: EnvironmentEvent | 'timeout', requestId: string): Settled {
    if (event === 'timeout') return { result: { error: timeoutPayload(requestId, this.spec.timeoutSeconds) }, failure: { status: 'timeout' } };
    const error = this.failureError(event, requestId);
    return { result: { error }, failure: { status: 'error', errorType: event.type === 'fatal' ? 'Runtime.ExitError' : error.errorType } };
  }

  private failureError(event: EnvironmentEvent, requestId: string): LambdaErrorPayload {
    switch (event.type) {
      case 'fatal':
      case 'init-error':
        return event.error;
      case 'exit':
        return exitPayload(requestId, event.code);
      case 'crash':
        return (event.error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? outOfMemoryPayload(requestId)
          : { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${event.error.message}` };
      default:
        throw new WorkerProtocolError(`The worker of ${this.spec.name} sent '${event.type}' out of turn (request ${requestId}).`);
    }
  }

  private async discard(environment: ExecutionEnvironment): Promise<void> {
    if (this.environment === environment) this.environment = undefined;
    await environment.terminate();
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}
