import { caller, env, NOW, raised, resolverFile, run } from './run-handler';

const USER = resolverFile('Query.user.ts');
const GET_HANDLE = resolverFile('Query.userByHandle/1-getHandle.ts');
const GET_USER = resolverFile('Query.userByHandle/2-getUser.ts');
const NOW_SECONDS = Math.floor(NOW / 1000);
const row = {
  id: 'user-2',
  handle: 'bea',
  displayName: 'Bea',
  bio: 'Birds.',
  avatar: 'https://example.com/bea.png',
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-24T00:00:00.000Z',
  lastActiveAt: '2026-01-01T00:00:00.000Z',
  expiresAt: NOW_SECONDS + 1,
};
/** What another user sees: the profile without when its owner was last active or expires. */
const profile = {
  id: 'user-2',
  handle: 'bea',
  displayName: 'Bea',
  bio: 'Birds.',
  avatar: 'https://example.com/bea.png',
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-24T00:00:00.000Z',
};
const throttled = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };

describe('Query.user', () => {
  it('reads the user by id, eventually consistent', () => {
    // GetItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html
    expect(run(USER, 'request', { identity: caller, arguments: { id: 'user-2' }, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { id: { S: 'user-2' } }, consistentRead: false },
    });
  });

  it('refuses an empty or overlong id with a ValidationError, without a read', () => {
    const outcome = (id: string) => run(USER, 'request', { identity: caller, arguments: { id }, stash: {}, env }).outcome;
    expect([outcome(''), outcome('u'.repeat(129))]).toEqual([
      raised('ValidationError', 'id must be a user id of 1 to 128 characters (received 0).'),
      raised('ValidationError', 'id must be a user id of 1 to 128 characters (received 129).'),
    ]);
  });

  it('is unauthorized for a caller without a Cognito identity', () => {
    expect(run(USER, 'request', { identity: null, arguments: { id: 'user-2' }, stash: {}, env }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Unauthorized', errorType: 'Unauthorized' },
    });
  });

  it('returns the public profile; null when missing or expired (expiresAt ≤ now), as TTL may lag', () => {
    // TTL deletes expired items within a few days, so reads filter them:
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
    const outcome = (result: object | null) => run(USER, 'response', { identity: caller, arguments: { id: 'user-2' }, stash: {}, env, result }).outcome;
    expect([outcome(row), outcome(null), outcome({ ...row, expiresAt: NOW_SECONDS }), outcome({ id: 'user-3', createdAt: 'c', updatedAt: 'u' })]).toEqual([
      { kind: 'result', result: profile },
      { kind: 'result', result: null },
      { kind: 'result', result: null },
      { kind: 'result', result: { id: 'user-3', createdAt: 'c', updatedAt: 'u' } },
    ]);
  });

  it('raises a DynamoDB error as the field error', () => {
    expect(run(USER, 'response', { identity: caller, arguments: { id: 'user-2' }, stash: {}, env, error: throttled, result: null }).outcome).toEqual(
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    );
  });
});

describe('Query.userByHandle — 1-getHandle', () => {
  it('reads the claim of the handle as stored: trimmed and lowercase', () => {
    expect(run(GET_HANDLE, 'request', { identity: caller, arguments: { handle: ' Bea ' }, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { handle: { S: 'bea' } }, consistentRead: false },
    });
  });

  it('refuses what cannot be a handle (empty, overlong, other characters) with a ValidationError, without a read', () => {
    const outcome = (handle: string) => run(GET_HANDLE, 'request', { identity: caller, arguments: { handle }, stash: {}, env }).outcome;
    const refused = (length: number) => raised('ValidationError', `handle must be 3 to 30 characters of letters, digits or underscores (received ${length} characters).`);
    expect([outcome(''), outcome('b'.repeat(31)), outcome('bea!')]).toEqual([refused(0), refused(31), refused(4)]);
  });

  it('passes on the holder’s id, or null when nobody holds the handle', () => {
    const outcome = (result: object | null) => run(GET_HANDLE, 'response', { identity: caller, arguments: { handle: 'bea' }, stash: {}, env, result }).outcome;
    expect([outcome({ handle: 'bea', userId: 'user-2', claimedAt: '2025-12-01T00:00:00.000Z' }), outcome(null)]).toEqual([
      { kind: 'result', result: 'user-2' },
      { kind: 'result', result: null },
    ]);
  });
});

describe('Query.userByHandle — 2-getUser', () => {
  it('reads the holder, or returns null early without a read when there is none', () => {
    // earlyReturn in a function's request skips its data source and response handler:
    // https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
    const outcome = (prev: string | null) => run(GET_USER, 'request', { identity: caller, arguments: { handle: 'bea' }, stash: {}, env, prev: { result: prev } }).outcome;
    expect([outcome('user-2'), outcome(null)]).toEqual([
      { kind: 'result', result: { operation: 'GetItem', key: { id: { S: 'user-2' } }, consistentRead: false } },
      { kind: 'earlyReturn', result: null },
    ]);
  });

  it('returns the public profile, null when missing or expired, and raises a DynamoDB error', () => {
    const outcome = (extra: object) => run(GET_USER, 'response', { identity: caller, arguments: { handle: 'bea' }, stash: {}, env, prev: { result: 'user-2' }, ...extra }).outcome;
    expect([outcome({ result: row }), outcome({ result: null }), outcome({ result: { ...row, expiresAt: NOW_SECONDS - 60 } }), outcome({ error: throttled, result: null })]).toEqual([
      { kind: 'result', result: profile },
      { kind: 'result', result: null },
      { kind: 'result', result: null },
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    ]);
  });
});
