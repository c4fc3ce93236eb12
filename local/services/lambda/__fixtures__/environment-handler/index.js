// Reports the environment variables the runtime set for this function.
'use strict';

const NAMES = [
  'TABLE_NAME',
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  '_HANDLER',
  'LAMBDA_TASK_ROOT',
  'HOST_ONLY',
];

module.exports.handler = async (event) => {
  if (event.set) process.env.CHANGED_BY = event.set;
  return Object.fromEntries(NAMES.concat('CHANGED_BY').map((name) => [name, process.env[name] ?? null]));
};
