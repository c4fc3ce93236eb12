import { caller, env as tables, NOW, raised, resolverFile, run } from './run-handler';

const GET_PROFILE = resolverFile('Query.me/1-getProfile.ts');
const TOUCH = resolverFile('Query.me/2-touchActivity.ts');
const NOW_SECONDS = Math.floor(NOW / 1000);
// ctx.env holds the API's environment variables:
// https://docs.aws.amazon.com/appsync/latest/devguide/environment-variables.html
const env = { ...tables, INACTIVE_USER_TTL_DAYS: '180' };
const user = {
  id: 'user-1',
  handle: 'ada',
  displayName: 'Ada',
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-24T00:00:00.000Z',
  lastActiveAt: '2026-01-02T02:30:00.000Z',
  expiresAt: 1782000000,
};
const throttled = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
// A failed condition reaches the response handler as ctx.error, with the item as AppSync read it
// back as ctx.result: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
const failed = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };

describe('Query.me — 1-getProfile', () => {
  it('reads the caller’s own profile, strongly consistent', () => {
    // GetItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html
    expect(run(GET_PROFILE, 'request', { identity: caller, arguments: {}, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { id: { S: 'user-1' } }, consistentRead: true },
    });
  });

  it('is unauthorized for a caller without a Cognito identity (API key, IAM)', () => {
    expect(run(GET_PROFILE, 'request', { identity: null, arguments: {}, stash: {}, env }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Unauthorized', errorType: 'Unauthorized' },
    });
  });

  it('passes the row on (null when missing), and raises a DynamoDB error', () => {
    const outcome = (extra: object) => run(GET_PROFILE, 'response', { identity: caller, arguments: {}, stash: {}, env, ...extra }).outcome;
    expect([outcome({ result: user }), outcome({ result: null }), outcome({ error: throttled, result: null })]).toEqual([
      { kind: 'result', result: user },
      { kind: 'result', result: null },
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    ]);
  });
});

describe('Query.me — 2-touchActivity', () => {
  const touch = (profile: object | null) => run(TOUCH, 'request', { identity: caller, arguments: {}, stash: {}, env, prev: { result: profile } }).outcome;

  it('answers a profile active within the hour as it is, without a write; an expired one too, shown to its owner but never revived', () => {
    // earlyReturn in a function's request skips its data source and response handler:
    // https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
    const justNow = { ...user, lastActiveAt: '2026-01-02T02:04:05.678Z' };
    const expired = { ...user, expiresAt: NOW_SECONDS };
    const expiredLongAgo = { ...user, lastActiveAt: '2025-06-01T00:00:00.000Z', expiresAt: NOW_SECONDS - 1 };
    expect([touch(user), touch(justNow), touch(expired), touch(expiredLongAgo)]).toEqual([
      { kind: 'earlyReturn', result: user },
      { kind: 'earlyReturn', result: justNow },
      { kind: 'earlyReturn', result: expired },
      { kind: 'earlyReturn', result: expiredLongAgo },
    ]);
  });

  it('creates a missing profile, or refreshes one last active an hour ago, in one conditional UpdateItem', () => {
    const update = {
      kind: 'result',
      result: {
        operation: 'UpdateItem',
        key: { id: { S: 'user-1' } },
        update: {
          expression: 'SET #lastActiveAt = :now, #expiresAt = :expiresAt, #createdAt = if_not_exists(#createdAt, :now), #updatedAt = if_not_exists(#updatedAt, :now)',
          expressionNames: { '#lastActiveAt': 'lastActiveAt', '#expiresAt': 'expiresAt', '#createdAt': 'createdAt', '#updatedAt': 'updatedAt' },
          // util.dynamodb writes numbers as JSON numbers inside N:
          // https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html
          expressionValues: { ':now': { S: '2026-01-02T03:04:05.678Z' }, ':expiresAt': { N: NOW_SECONDS + 180 * 86400 } },
        },
        // The condition's placeholders are its own: AppSync refuses one defined by both the update
        // and the condition (https://github.com/aws/aws-appsync-community/issues/162).
        condition: {
          expression: 'attribute_not_exists(#conditionId) OR ((attribute_not_exists(#conditionExpiresAt) OR #conditionExpiresAt > :nowSeconds) AND (attribute_not_exists(#conditionLastActiveAt) OR #conditionLastActiveAt < :hourAgo))',
          expressionNames: { '#conditionId': 'id', '#conditionExpiresAt': 'expiresAt', '#conditionLastActiveAt': 'lastActiveAt' },
          expressionValues: { ':nowSeconds': { N: NOW_SECONDS }, ':hourAgo': { S: '2026-01-02T02:04:05.678Z' } },
          consistentRead: true,
        },
      },
    };
    const neverActive = { id: user.id, createdAt: user.createdAt, updatedAt: user.updatedAt };
    expect([touch(null), touch({ ...user, lastActiveAt: '2026-01-02T02:04:05.677Z' }), touch(neverActive)]).toEqual([update, update, update]);
  });

  it('fails clearly when the API lacks INACTIVE_USER_TTL_DAYS', () => {
    expect(run(TOUCH, 'request', { identity: caller, arguments: {}, stash: {}, env: tables, prev: { result: null } }).outcome).toEqual(
      raised('ConfigurationError', `The API's INACTIVE_USER_TTL_DAYS environment variable must be a positive number of days (received "undefined").`),
    );
  });

  it('returns the row after the update, the row read back when another request refreshed it first, and raises other errors', () => {
    // "The updated item in DynamoDB is automatically converted into GraphQL and JSON primitive types
    // and is available in the context result": https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
    const refreshed = { ...user, lastActiveAt: '2026-01-02T03:04:05.678Z', expiresAt: NOW_SECONDS + 180 * 86400 };
    const outcome = (extra: object) => run(TOUCH, 'response', { identity: caller, arguments: {}, stash: {}, env, prev: { result: user }, ...extra }).outcome;
    expect([outcome({ result: refreshed }), outcome({ error: failed, result: refreshed }), outcome({ error: throttled, result: null })]).toEqual([
      { kind: 'result', result: refreshed },
      { kind: 'result', result: refreshed },
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    ]);
  });
});
