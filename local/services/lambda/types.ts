// The shapes the Lambda runtime speaks: what a function is, and what an invocation returns.
import type { Clock } from '../clock';

/** One `AWS::Lambda::Function`, as the integrator maps it from the cloud assembly. */
export interface FunctionSpec {
  readonly name: string;
  readonly arn: string;
  /** The unpacked asset folder: it becomes LAMBDA_TASK_ROOT. */
  readonly codeDir: string;
  /** `module.export`, e.g. `index.handler` (a path prefix like `dist/index.handler` is allowed). */
  readonly handler: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** The template's environment, intrinsics already resolved. */
  readonly environment: Readonly<Record<string, string>>;
}

/** Lambda's error document for a failed invocation (the body that comes with X-Amz-Function-Error). */
export interface LambdaErrorPayload {
  readonly errorType: string;
  readonly errorMessage: string;
  /** Present for errors the Node.js runtime formats; absent for platform errors (timeout, exit). */
  readonly trace?: readonly string[];
}

export type InvokeResult = { readonly payload: unknown } | { readonly error: LambdaErrorPayload };

export interface InvokeOptions {
  readonly invocationType?: 'RequestResponse';
}

/** Where the functions reach the local services, and the fake identity they run as. */
export interface LambdaRuntimeOptions {
  readonly functions: readonly FunctionSpec[];
  /**
   * Variables every function gets: `AWS_ENDPOINT_URL_*` for the local services, `AWS_REGION`, credentials.
   * They win over the template's environment so that a function never reaches real AWS by accident.
   */
  readonly baseEnv: Readonly<Record<string, string>>;
  /** One line of a function's CloudWatch-style log. */
  readonly log: (line: string, functionName: string) => void;
  /** Time source for log timestamps and reported durations. Default: the system clock. */
  readonly clock?: Clock;
  /** Request ids. Default: random UUIDs. */
  readonly newRequestId?: () => string;
}

export interface LambdaRuntime {
  invoke(nameOrArn: string, event: unknown, options?: InvokeOptions): Promise<InvokeResult>;
  /** Replaces the functions: new invocations get new workers; running ones finish on the old workers. */
  reload(functions: readonly FunctionSpec[]): Promise<void>;
  /** Terminates every worker; queued invocations reject with LambdaRuntimeStoppedError. */
  stop(): Promise<void>;
}
