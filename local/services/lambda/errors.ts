// Errors of the Lambda runtime itself (a function's own failures are InvokeResult errors, not exceptions).

/** No function has that name or ARN; Lambda answers ResourceNotFoundException. */
export class FunctionNotFoundError extends Error {
  override readonly name = 'FunctionNotFoundError';
  readonly code = 'ResourceNotFoundException';
  constructor(readonly nameOrArn: string) {
    super(`Function not found: ${nameOrArn}`);
  }
}

/** The runtime was stopped (or the function replaced) before the invocation could run. */
export class LambdaRuntimeStoppedError extends Error {
  override readonly name = 'LambdaRuntimeStoppedError';
  constructor(
    readonly functionName: string,
    options?: { cause?: unknown },
  ) {
    super(`The local Lambda runtime was stopped; ${functionName} was not invoked.`, options);
  }
}

/** The worker answered something the host did not expect: a bug in the runtime, not in the function. */
export class WorkerProtocolError extends Error {
  override readonly name = 'WorkerProtocolError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
