import * as path from 'node:path';
import { bundleResolver } from '../../infra/lib/appsync/bundle-resolver';
import { evaluateCode } from '../../local/appsync-js/evaluate-code';
import { createResolverTestKit } from '../../local/appsync-js/testing/evaluate-resolver-file';

// 2026-01-02T03:04:05.678Z: util.time reads this clock, so requests are exact.
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
const NOW_ISO = '2026-01-02T03:04:05.678Z';
const EXPIRES_AT = Math.floor(NOW / 1000) + 180 * 86400;
const DIR = path.join(__dirname, '..', 'Mutation.updateProfile');
const FILES = {
  resolver: path.join(DIR, 'resolver.ts'),
  getUser: path.join(DIR, '1-getUser.ts'),
  saveProfile: path.join(DIR, '2-saveProfile.ts'),
  readProfile: path.join(DIR, '3-readProfile.ts'),
};
const bundles = new Map<string, string>();
const kit = createResolverTestKit({ now: () => NOW });

/** Runs one handler through EvaluateCode and returns its parsed result, error and stash. */
function evaluate(file: string, handler: 'request' | 'response', ctx: object) {
  let code = bundles.get(file);
  if (code === undefined) {
    code = bundleResolver(file);
    bundles.set(file, code);
  }
  const output = evaluateCode(
    { code, context: JSON.stringify(ctx), function: handler, runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } },
    { now: () => NOW },
  );
  return {
    result: output.evaluationResult === undefined ? undefined : JSON.parse(output.evaluationResult),
    error: output.error,
    stash: JSON.parse(output.stash ?? '{}'),
  };
}

/** The GraphQL error a handler raises, with its errorType (EvaluateCode reports the message only). */
function raised(file: string, handler: 'request' | 'response', ctx: object) {
  return kit.evaluateResolverFile(file, handler, ctx).outcome;
}

const identity = { sub: 'user-1', username: 'ada', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', claims: {} };
// The table names reach resolvers as API environment variables (ctx.env):
// https://docs.aws.amazon.com/appsync/latest/devguide/environment-variables.html
const env = { INACTIVE_USER_TTL_DAYS: '180', USERS_TABLE: 'Users-dev', HANDLES_TABLE: 'Handles-dev' };

const profileDefaults = {
  expression:
    'SET #createdAt = if_not_exists(#createdAt, :now), #lastActiveAt = if_not_exists(#lastActiveAt, :now), #expiresAt = if_not_exists(#expiresAt, :expiresAt), #updatedAt = :now',
  names: { '#createdAt': 'createdAt', '#lastActiveAt': 'lastActiveAt', '#expiresAt': 'expiresAt', '#updatedAt': 'updatedAt' },
  values: { ':now': { S: NOW_ISO }, ':expiresAt': { N: EXPIRES_AT } },
};

describe('Mutation.updateProfile — input validation (resolver.ts)', () => {
  it('normalizes the input into ctx.stash.changes: trimmed name, lowercase handle, blank bio and null avatar clear', () => {
    const input = { displayName: '  Ada Lovelace ', bio: '  ', avatar: null, handle: ' Ada_1815 ' };
    expect(evaluate(FILES.resolver, 'request', { identity, arguments: { input }, stash: {}, env })).toEqual({
      result: {},
      error: undefined,
      stash: { changes: { displayName: 'Ada Lovelace', bio: null, avatar: null, handle: 'ada_1815' } },
    });
  });

  it.each([
    [{}, 'updateProfile needs at least one of displayName, bio, avatar or handle.'],
    [{ displayName: '   ' }, 'displayName must be 1 to 50 characters (received 0 after trimming).'],
    [{ displayName: 'x'.repeat(51) }, 'displayName must be 1 to 50 characters (received 51 after trimming).'],
    [{ bio: 'b'.repeat(281) }, 'bio must be at most 280 characters (received 281).'],
    [{ avatar: 'http://example.com/a.png' }, 'avatar must be an https:// URL of at most 2048 characters (received 24 characters starting "http://e").'],
    [{ handle: 'ad' }, 'handle must be 3 to 30 characters of lowercase letters, digits or underscores (received "ad").'],
    [{ handle: 'ada lovelace' }, 'handle must be 3 to 30 characters of lowercase letters, digits or underscores (received "ada lovelace").'],
    [{ handle: 'a'.repeat(31) }, `handle must be 3 to 30 characters of lowercase letters, digits or underscores (received "${'a'.repeat(31)}").`],
  ])('rejects %j with a ValidationError before any write', (input, message) => {
    expect(raised(FILES.resolver, 'request', { identity, arguments: { input }, stash: {}, env })).toEqual({
      kind: 'error',
      error: { message, errorType: 'ValidationError' },
    });
  });

  it('resolves the field to what the last function returned', () => {
    const user = { id: 'user-1', handle: 'ada', createdAt: NOW_ISO, updatedAt: NOW_ISO };
    expect(evaluate(FILES.resolver, 'response', { identity, arguments: {}, stash: {}, env, prev: { result: user } })).toEqual({
      result: user,
      error: undefined,
      stash: {},
    });
  });
});

describe('Mutation.updateProfile — 1-getUser', () => {
  it('reads the caller’s row consistently', () => {
    expect(evaluate(FILES.getUser, 'request', { identity, arguments: {}, stash: {}, env }).result).toEqual({
      operation: 'GetItem',
      key: { id: { S: 'user-1' } },
      consistentRead: true,
    });
  });

  it('passes on the row, or null when the caller has none yet', () => {
    expect(evaluate(FILES.getUser, 'response', { identity, arguments: {}, stash: {}, env, result: null })).toEqual({
      result: null,
      error: undefined,
      stash: {},
    });
  });
});

describe('Mutation.updateProfile — 2-saveProfile', () => {
  // Request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
  const request = (changes: object, current: object | null) =>
    evaluate(FILES.saveProfile, 'request', { identity, arguments: {}, stash: { changes }, env, prev: { result: current } });

  it('updates the profile alone when the handle does not change', () => {
    expect(request({ displayName: 'Ada', bio: null }, { id: 'user-1', handle: 'ada' })).toEqual({
      result: {
        operation: 'TransactWriteItems',
        transactItems: [
          {
            table: 'Users-dev',
            operation: 'UpdateItem',
            key: { id: { S: 'user-1' } },
            update: {
              expression: `${profileDefaults.expression}, #displayName = :displayName REMOVE #bio`,
              expressionNames: { ...profileDefaults.names, '#displayName': 'displayName', '#bio': 'bio' },
              expressionValues: { ...profileDefaults.values, ':displayName': { S: 'Ada' } },
            },
          },
        ],
      },
      error: undefined,
      stash: { changes: { displayName: 'Ada', bio: null } },
    });
  });

  it('sends an unchanged handle as a plain field update, without claiming it again', () => {
    expect(request({ handle: 'ada' }, { id: 'user-1', handle: 'ada' }).result).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'Users-dev',
          operation: 'UpdateItem',
          key: { id: { S: 'user-1' } },
          update: {
            expression: `${profileDefaults.expression}, #handle = :handle`,
            expressionNames: { ...profileDefaults.names, '#handle': 'handle' },
            expressionValues: { ...profileDefaults.values, ':handle': { S: 'ada' } },
          },
        },
      ],
    });
  });

  it('claims a first handle: the row must still have none, and the claim must be free', () => {
    expect(request({ handle: 'ada' }, null)).toEqual({
      result: {
        operation: 'TransactWriteItems',
        transactItems: [
          {
            table: 'Users-dev',
            operation: 'UpdateItem',
            key: { id: { S: 'user-1' } },
            update: {
              expression: `${profileDefaults.expression}, #handle = :handle`,
              expressionNames: { ...profileDefaults.names, '#handle': 'handle' },
              expressionValues: { ...profileDefaults.values, ':handle': { S: 'ada' } },
            },
            condition: {
              expression: 'attribute_not_exists(#handle)',
              expressionNames: { '#handle': 'handle' },
              returnValuesOnConditionCheckFailure: false,
            },
          },
          {
            table: 'Handles-dev',
            operation: 'PutItem',
            key: { handle: { S: 'ada' } },
            attributeValues: { userId: { S: 'user-1' }, claimedAt: { S: NOW_ISO } },
            condition: {
              expression: 'attribute_not_exists(#handle)',
              expressionNames: { '#handle': 'handle' },
              returnValuesOnConditionCheckFailure: false,
            },
          },
        ],
      },
      error: undefined,
      stash: { changes: { handle: 'ada' }, claimIndex: 1 },
    });
  });

  it('moves a handle: claims the new one and releases the old one only if it is the caller’s', () => {
    expect(request({ handle: 'lovelace' }, { id: 'user-1', handle: 'ada' })).toEqual({
      result: {
        operation: 'TransactWriteItems',
        transactItems: [
          {
            table: 'Users-dev',
            operation: 'UpdateItem',
            key: { id: { S: 'user-1' } },
            update: {
              expression: `${profileDefaults.expression}, #handle = :handle`,
              expressionNames: { ...profileDefaults.names, '#handle': 'handle' },
              expressionValues: { ...profileDefaults.values, ':handle': { S: 'lovelace' } },
            },
            condition: {
              expression: '#handle = :expectedHandle',
              expressionNames: { '#handle': 'handle' },
              expressionValues: { ':expectedHandle': { S: 'ada' } },
              returnValuesOnConditionCheckFailure: false,
            },
          },
          {
            table: 'Handles-dev',
            operation: 'PutItem',
            key: { handle: { S: 'lovelace' } },
            attributeValues: { userId: { S: 'user-1' }, claimedAt: { S: NOW_ISO } },
            condition: {
              expression: 'attribute_not_exists(#handle)',
              expressionNames: { '#handle': 'handle' },
              returnValuesOnConditionCheckFailure: false,
            },
          },
          {
            table: 'Handles-dev',
            operation: 'DeleteItem',
            key: { handle: { S: 'ada' } },
            condition: {
              expression: 'attribute_not_exists(#handle) OR #userId = :userId',
              expressionNames: { '#handle': 'handle', '#userId': 'userId' },
              expressionValues: { ':userId': { S: 'user-1' } },
              returnValuesOnConditionCheckFailure: false,
            },
          },
        ],
      },
      error: undefined,
      stash: { changes: { handle: 'lovelace' }, claimIndex: 1 },
    });
  });

  it('releases the handle when it is cleared', () => {
    expect(request({ handle: null }, { id: 'user-1', handle: 'ada' }).result).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'Users-dev',
          operation: 'UpdateItem',
          key: { id: { S: 'user-1' } },
          update: {
            expression: `${profileDefaults.expression} REMOVE #handle`,
            expressionNames: { ...profileDefaults.names, '#handle': 'handle' },
            expressionValues: profileDefaults.values,
          },
          condition: {
            expression: '#handle = :expectedHandle',
            expressionNames: { '#handle': 'handle' },
            expressionValues: { ':expectedHandle': { S: 'ada' } },
            returnValuesOnConditionCheckFailure: false,
          },
        },
        {
          table: 'Handles-dev',
          operation: 'DeleteItem',
          key: { handle: { S: 'ada' } },
          condition: {
            expression: 'attribute_not_exists(#handle) OR #userId = :userId',
            expressionNames: { '#handle': 'handle', '#userId': 'userId' },
            expressionValues: { ':userId': { S: 'user-1' } },
            returnValuesOnConditionCheckFailure: false,
          },
        },
      ],
    });
  });

  // A failed condition cancels the transaction with TransactionCanceledException, and AppSync puts the
  // per-item reasons ({ type, message }), in request order, in ctx.result.cancellationReasons:
  // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-resolver-mapping-template-reference-dynamodb-transaction-condition-expressions.html
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
  const cancelled = (reasons: string[]) => ({
    error: { message: 'Transaction cancelled, please refer cancellation reasons for specific reasons', type: 'DynamoDB:TransactionCanceledException' },
    result: { keys: null, cancellationReasons: reasons.map((type) => ({ type, message: type === 'None' ? null : 'The conditional request failed' })) },
  });

  it('says a handle is taken when its claim fails', () => {
    const ctx = { identity, arguments: {}, env, stash: { changes: { handle: 'ada' }, claimIndex: 1 }, ...cancelled(['None', 'ConditionalCheckFailed']) };
    expect(raised(FILES.saveProfile, 'response', ctx)).toEqual({
      kind: 'error',
      error: { message: 'The handle "ada" is already taken.', errorType: 'HandleTaken' },
    });
  });

  it('reports a conflict when the profile changed between the read and the write', () => {
    const ctx = {
      identity,
      arguments: {},
      env,
      stash: { changes: { handle: 'lovelace' }, claimIndex: 1 },
      ...cancelled(['ConditionalCheckFailed', 'None', 'None']),
    };
    expect(raised(FILES.saveProfile, 'response', ctx)).toEqual({
      kind: 'error',
      error: { message: 'The profile changed while it was being saved; read it again and retry.', errorType: 'ProfileConflict' },
    });
  });

  it('passes any other data source error on', () => {
    const ctx = { identity, arguments: {}, env, stash: { changes: { bio: 'x' } }, error: { message: 'Rate exceeded', type: 'DynamoDB:ThrottlingException' }, result: null };
    expect(raised(FILES.saveProfile, 'response', ctx)).toEqual({
      kind: 'error',
      error: { message: 'Rate exceeded', errorType: 'DynamoDB:ThrottlingException' },
    });
  });

  it('returns nothing on success: the next function reads the saved row', () => {
    expect(evaluate(FILES.saveProfile, 'response', { identity, arguments: {}, env, stash: {}, result: { keys: [] } })).toEqual({
      result: null,
      error: undefined,
      stash: {},
    });
  });
});

describe('Mutation.updateProfile — 3-readProfile', () => {
  it('reads the saved row back consistently, since TransactWriteItems returns no item', () => {
    expect(evaluate(FILES.readProfile, 'request', { identity, arguments: {}, stash: {}, env }).result).toEqual({
      operation: 'GetItem',
      key: { id: { S: 'user-1' } },
      consistentRead: true,
    });
  });

  it('returns the profile', () => {
    const user = { id: 'user-1', handle: 'lovelace', displayName: 'Ada', createdAt: NOW_ISO, updatedAt: NOW_ISO };
    expect(evaluate(FILES.readProfile, 'response', { identity, arguments: {}, stash: {}, env, result: user })).toEqual({
      result: user,
      error: undefined,
      stash: {},
    });
  });
});
