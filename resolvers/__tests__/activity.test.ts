import * as fs from 'node:fs';
import * as path from 'node:path';
import { caller, env as tables, NOW, raised, resolverFile, run } from './run-handler';

// The hourly activity refresh, through the step every mutation pipeline runs first.
const TOUCH = resolverFile('Mutation.createNote/0-touchActivity.ts');
const NOW_SECONDS = Math.floor(NOW / 1000);
// ctx.env holds the API's environment variables:
// https://docs.aws.amazon.com/appsync/latest/devguide/environment-variables.html
const env = { ...tables, INACTIVE_USER_TTL_DAYS: '180' };
const args = { input: { spaceId: 'space-1', title: 'Curlew' } };
/** What the pipeline's before step returned: the step must hand it on untouched. */
const before = { fromBefore: true };
const row = {
  id: 'user-1',
  handle: 'ada',
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-01T00:00:00.000Z',
  lastActiveAt: '2026-01-02T02:30:00.000Z',
  expiresAt: NOW_SECONDS + 100 * 86400,
};

describe('0-touchActivity (lib/activity.ts)', () => {
  it('refreshes lastActiveAt and expiresAt of an existing, unexpired row whose lastActiveAt is an hour old', () => {
    // UpdateItem with a condition: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
    expect(run(TOUCH, 'request', { identity: caller, arguments: args, stash: { content: 'kept' }, env, prev: { result: before } })).toEqual({
      outcome: {
        kind: 'result',
        result: {
          operation: 'UpdateItem',
          key: { id: { S: 'user-1' } },
          update: {
            expression: 'SET #lastActiveAt = :now, #expiresAt = :expiresAt',
            expressionNames: { '#lastActiveAt': 'lastActiveAt', '#expiresAt': 'expiresAt' },
            // util.dynamodb writes numbers as JSON numbers inside N:
            // https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
            expressionValues: { ':now': { S: '2026-01-02T03:04:05.678Z' }, ':expiresAt': { N: NOW_SECONDS + 180 * 86400 } },
          },
          // The condition's placeholders are its own: AppSync refuses one defined by both the update
          // and the condition (https://github.com/aws/aws-appsync-community/issues/162).
          condition: {
            expression: 'attribute_exists(#conditionId) AND (attribute_not_exists(#conditionExpiresAt) OR #conditionExpiresAt > :nowSeconds) AND (attribute_not_exists(#conditionLastActiveAt) OR #conditionLastActiveAt < :hourAgo)',
            expressionNames: { '#conditionId': 'id', '#conditionExpiresAt': 'expiresAt', '#conditionLastActiveAt': 'lastActiveAt' },
            expressionValues: { ':nowSeconds': { N: NOW_SECONDS }, ':hourAgo': { S: '2026-01-02T02:04:05.678Z' } },
            consistentRead: false,
          },
        },
      },
      stash: { content: 'kept' },
    });
  });

  it('is unauthorized for a caller without a Cognito identity', () => {
    expect(run(TOUCH, 'request', { identity: null, arguments: args, stash: {}, env, prev: { result: before } }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Unauthorized', errorType: 'Unauthorized' },
    });
  });

  it('hands on what it was given, after a refresh and after a fresh or missing row alike', () => {
    // A failed condition reaches the response handler as ctx.error, with the current item (or null)
    // as ctx.result: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
    const failed = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };
    const outcome = (extra: object) => run(TOUCH, 'response', { identity: caller, arguments: args, stash: {}, env, prev: { result: before }, ...extra }).outcome;
    expect([
      outcome({ result: { ...row, lastActiveAt: '2026-01-02T03:04:05.678Z' } }),
      outcome({ error: failed, result: row }),
      outcome({ error: failed, result: null }),
    ]).toEqual([
      { kind: 'result', result: before },
      { kind: 'result', result: before },
      { kind: 'result', result: before },
    ]);
  });

  it('raises any other DynamoDB error as the field error', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(run(TOUCH, 'response', { identity: caller, arguments: args, stash: {}, env, prev: { result: before }, error, result: null }).outcome).toEqual(
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    );
  });

  it('runs first in every mutation pipeline, as the same step', () => {
    const resolversDir = path.join(__dirname, '..');
    const pipelines = fs.readdirSync(resolversDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name.startsWith('Mutation.'));
    const firstSteps = pipelines.map((entry) => {
      const steps = fs.readdirSync(path.join(resolversDir, entry.name)).filter((file) => /^\d+-/.test(file)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
      return { pipeline: entry.name, first: steps[0], source: fs.readFileSync(path.join(resolversDir, entry.name, steps[0]), 'utf8') };
    });
    const step = "// @dataSource Users\n// The hourly activity refresh (lib/activity.ts), first in every mutation.\nexport { request, response } from '../lib/activity';\n";
    expect(firstSteps).toEqual(pipelines.map((entry) => ({ pipeline: entry.name, first: '0-touchActivity.ts', source: step })));
  });
});
