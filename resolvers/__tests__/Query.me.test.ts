import * as path from 'node:path';
import { bundleResolver } from '../../infra/lib/appsync/bundle-resolver';
import { evaluateCode } from '../../local/appsync-js/evaluate-code';
import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';

// 2026-01-02T03:04:05.678Z: util.time reads this clock, so requests are exact.
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
const NOW_SECONDS = Math.floor(NOW / 1000);
const FILE = path.join(__dirname, '..', 'Query.me.ts');
const code = bundleResolver(FILE);
const kit = createResolverTestKit({ now: () => NOW });

/** Runs a handler through EvaluateCode, as the AppSync console's test feature does. */
function evaluate(handler: 'request' | 'response', ctx: object) {
  const output = evaluateCode(
    { code, context: JSON.stringify(ctx), function: handler, runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } },
    { now: () => NOW },
  );
  return {
    result: output.evaluationResult === undefined ? undefined : JSON.parse(output.evaluationResult),
    error: output.error,
  };
}

const caller = { sub: 'user-1', username: 'ada', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', claims: {} };
// ctx.env holds the API's environment variables:
// https://docs.aws.amazon.com/appsync/latest/devguide/environment-variables.html
const env = { INACTIVE_USER_TTL_DAYS: '180', USERS_TABLE: 'Users-dev' };

describe('Query.me', () => {
  it('creates the profile if it is missing, in one UpdateItem that keeps existing values', () => {
    expect(evaluate('request', { identity: caller, arguments: {}, env })).toEqual({
      result: {
        operation: 'UpdateItem',
        key: { id: { S: 'user-1' } },
        update: {
          expression:
            'SET #createdAt = if_not_exists(#createdAt, :now), #lastActiveAt = if_not_exists(#lastActiveAt, :now), #expiresAt = if_not_exists(#expiresAt, :expiresAt), #updatedAt = if_not_exists(#updatedAt, :now)',
          expressionNames: {
            '#createdAt': 'createdAt',
            '#lastActiveAt': 'lastActiveAt',
            '#expiresAt': 'expiresAt',
            '#updatedAt': 'updatedAt',
          },
          expressionValues: {
            ':now': { S: '2026-01-02T03:04:05.678Z' },
            // util.dynamodb writes numbers as JSON numbers inside N ({ "N" : 12345 }):
            // https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
            ':expiresAt': { N: NOW_SECONDS + 180 * 86400 },
          },
        },
      },
      error: undefined,
    });
  });

  it('is unauthorized for a caller without a Cognito identity (API key, IAM)', () => {
    expect(evaluate('request', { identity: null, arguments: {}, env })).toEqual({
      result: undefined,
      error: { message: 'Unauthorized' },
    });
  });

  it('fails clearly when the API lacks INACTIVE_USER_TTL_DAYS', () => {
    expect(kit.evaluateResolverFile(FILE, 'request', { identity: caller, arguments: {}, env: {} }).outcome).toEqual({
      kind: 'error',
      error: {
        message: `The API's INACTIVE_USER_TTL_DAYS environment variable must be a positive number of days (received "undefined").`,
        errorType: 'ConfigurationError',
      },
    });
  });

  it('returns the item UpdateItem returns, which is the whole row after the update', () => {
    // "The updated item in DynamoDB is automatically converted into GraphQL and JSON primitive types
    // and is available in the context result": https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
    const user = {
      id: 'user-1',
      handle: 'ada',
      displayName: 'Ada',
      createdAt: '2025-12-01T00:00:00.000Z',
      updatedAt: '2025-12-24T00:00:00.000Z',
      lastActiveAt: '2025-12-24T00:00:00.000Z',
      expiresAt: 1782000000,
    };
    expect(evaluate('response', { identity: caller, arguments: {}, env, result: user })).toEqual({ result: user, error: undefined });
  });

  it('raises a DynamoDB error as the field error, with its type', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(kit.evaluateResolverFile(FILE, 'response', { identity: caller, arguments: {}, env, error, result: null }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Throughput exceeds the current capacity', errorType: 'DynamoDB:ProvisionedThroughputExceededException' },
    });
  });
});
