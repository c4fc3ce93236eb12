// The environment of one execution environment: what Lambda sets, on top of the template's variables.
// Reserved names follow https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
import * as path from 'node:path';
import type { FunctionSpec } from './types';

/**
 * Credentials for local services that accept any signature; real AWS would reject them. The key id
 * is letters and digits only, because DynamoDB Local 2.x refuses any other access key id.
 */
export const LOCAL_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'outpostlocal',
  AWS_SECRET_ACCESS_KEY: 'outpostlocal',
  AWS_SESSION_TOKEN: 'outpostlocal',
} as const;

export const DEFAULT_REGION = 'us-east-1';

/**
 * Lambda's Node.js runtimes put the AWS SDK v3 on NODE_PATH, so bundles leave it out. Outpost's own
 * installed copy stands in for the runtime's.
 */
export function runtimeModulesDir(): string {
  return path.dirname(path.dirname(path.dirname(require.resolve('@aws-sdk/client-dynamodb/package.json'))));
}

export function logGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/** `2026/01/01/[$LATEST]<32 hex>`, one per execution environment, as Lambda names its streams. */
export function logStreamName(date: Date, environmentId: string): string {
  const day = date.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${day}/[$LATEST]${environmentId}`;
}

export interface EnvironmentInputs {
  readonly spec: FunctionSpec;
  readonly baseEnv: Readonly<Record<string, string>>;
  readonly logStreamName: string;
  readonly nodeMajorVersion: string;
}

/**
 * Template variables first, then the local endpoints (so code never reaches real AWS), then the
 * variables Lambda reserves, which a template cannot override in the cloud either.
 */
export function functionEnvironment({ spec, baseEnv, logStreamName, nodeMajorVersion }: EnvironmentInputs): Record<string, string> {
  const region = baseEnv.AWS_REGION ?? baseEnv.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
  return {
    ...spec.environment,
    ...baseEnv,
    AWS_ACCESS_KEY_ID: baseEnv.AWS_ACCESS_KEY_ID ?? LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: baseEnv.AWS_SECRET_ACCESS_KEY ?? LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: baseEnv.AWS_SESSION_TOKEN ?? LOCAL_CREDENTIALS.AWS_SESSION_TOKEN,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${nodeMajorVersion}.x`,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logGroupName(spec.name),
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
    LAMBDA_TASK_ROOT: spec.codeDir,
    NODE_PATH: runtimeModulesDir(),
    _HANDLER: spec.handler,
  };
}
