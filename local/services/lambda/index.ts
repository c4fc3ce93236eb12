export { createLambdaRuntime } from './runtime';
export type { FunctionSpec, InvokeOptions, InvokeResult, LambdaErrorPayload, LambdaRuntime, LambdaRuntimeOptions } from './types';
export { FunctionNotFoundError, LambdaRuntimeStoppedError, WorkerProtocolError } from './errors';
export { LOCAL_CREDENTIALS } from './environment';
