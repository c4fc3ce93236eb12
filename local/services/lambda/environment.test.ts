import * as path from 'node:path';
// The variables of an execution environment, per the reserved names of
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime.
import { functionEnvironment, logStreamName } from './environment';
import type { FunctionSpec } from './types';

const spec: FunctionSpec = {
  name: 'user-cleanup',
  arn: 'arn:aws:lambda:eu-west-1:123456789012:function:user-cleanup',
  codeDir: '/bundles/user-cleanup',
  handler: 'index.handler',
  timeoutSeconds: 30,
  memoryMb: 512,
  // A template cannot override reserved names in the cloud; locally it cannot either.
  environment: { USERS_TABLE: 'Users', AWS_LAMBDA_FUNCTION_NAME: 'spoofed', AWS_REGION: 'us-west-2' },
};

describe('functionEnvironment', () => {
  it('layers the template, the local endpoints and the variables Lambda reserves', () => {
    const stream = logStreamName(new Date('2026-03-01T09:00:00.000Z'), '0123456789abcdef0123456789abcdef');
    expect(
      functionEnvironment({
        spec,
        baseEnv: { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', AWS_ACCESS_KEY_ID: 'local-key' },
        logStreamName: stream,
        nodeMajorVersion: '20',
      }),
    ).toEqual({
      USERS_TABLE: 'Users',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      AWS_ACCESS_KEY_ID: 'local-key',
      AWS_SECRET_ACCESS_KEY: 'outpostlocal',
      AWS_SESSION_TOKEN: 'outpostlocal',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
      AWS_LAMBDA_FUNCTION_NAME: 'user-cleanup',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/user-cleanup',
      AWS_LAMBDA_LOG_STREAM_NAME: '2026/03/01/[$LATEST]0123456789abcdef0123456789abcdef',
      LAMBDA_TASK_ROOT: '/bundles/user-cleanup',
      NODE_PATH: path.resolve(__dirname, '..', '..', '..', 'node_modules'),
      _HANDLER: 'index.handler',
    });
  });
});
