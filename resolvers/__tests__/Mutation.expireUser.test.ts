import { env, NOW, raised, resolverFile, run } from './run-handler';

const FILE = resolverFile('Mutation.expireUser.ts');
const NOW_SECONDS = Math.floor(NOW / 1000);
const admin = { sub: 'admin-1', username: 'root', issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/pool', claims: {}, groups: ['ADMINS'] };
const args = { id: 'user-2' };

describe('Mutation.expireUser', () => {
  it("sets the user's expiresAt to now (epoch seconds), only if the profile exists", () => {
    // UpdateItem request shape, condition included:
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
    expect(run(FILE, 'request', { identity: admin, arguments: args, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'UpdateItem',
        key: { id: { S: 'user-2' } },
        update: { expression: 'SET #expiresAt = :now', expressionNames: { '#expiresAt': 'expiresAt' }, expressionValues: { ':now': { N: NOW_SECONDS } } },
        condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' } },
      },
    });
  });

  it('refuses an empty or overlong id with a ValidationError, without a write', () => {
    const outcome = (id: string) => run(FILE, 'request', { identity: admin, arguments: { id }, stash: {}, env }).outcome;
    expect([outcome(''), outcome('u'.repeat(129))]).toEqual([
      raised('ValidationError', 'id must be a user id of 1 to 128 characters (received 0).'),
      raised('ValidationError', 'id must be a user id of 1 to 128 characters (received 129).'),
    ]);
  });

  it('is unauthorized for a caller without a Cognito identity', () => {
    expect(run(FILE, 'request', { identity: null, arguments: args, stash: {}, env }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Unauthorized', errorType: 'Unauthorized' },
    });
  });

  it('returns the whole row after the update', () => {
    const row = { id: 'user-2', handle: 'bea', createdAt: '2025-12-01T00:00:00.000Z', updatedAt: '2025-12-24T00:00:00.000Z', expiresAt: NOW_SECONDS };
    expect(run(FILE, 'response', { identity: admin, arguments: args, stash: {}, env, result: row }).outcome).toEqual({ kind: 'result', result: row });
  });

  it('answers UserNotFound when no profile has that id (the condition failed)', () => {
    const error = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };
    expect(run(FILE, 'response', { identity: admin, arguments: args, stash: {}, env, error, result: null }).outcome).toEqual(
      raised('UserNotFound', 'User user-2 does not exist.'),
    );
  });

  it('passes any other DynamoDB error on with its type', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(run(FILE, 'response', { identity: admin, arguments: args, stash: {}, env, error, result: null }).outcome).toEqual(
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    );
  });
});
