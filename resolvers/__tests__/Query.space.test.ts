import { caller, env, raised, resolverFile, run } from './run-handler';

const AUTHORIZE = resolverFile('Query.space/1-authorize.ts');
const GET_SPACE = resolverFile('Query.space/2-getSpace.ts');
const args = { id: 'space-1' };
const membership = { spaceId: 'space-1', userId: 'user-1', role: 'EDITOR', joinedAt: '2025-12-01T00:00:00.000Z' };
const space = { id: 'space-1', name: 'Field trip', ownerId: 'user-0', memberCount: 2, createdAt: '2025-11-30T00:00:00.000Z', updatedAt: '2025-11-30T00:00:00.000Z' };

describe('Query.space — 1-authorize', () => {
  it('reads the caller’s membership of the space, consistently', () => {
    // GetItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html
    expect(run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env })).toEqual({
      outcome: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      stash: {},
    });
  });

  it('keeps a member’s role in ctx.stash.role', () => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, result: membership })).toEqual({
      outcome: { kind: 'result', result: membership },
      stash: { role: 'EDITOR' },
    });
  });

  it('passes null on for a non-member: the schema answers null, not an error', () => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, result: null })).toEqual({
      outcome: { kind: 'result', result: null },
      stash: {},
    });
  });

  it('raises a DynamoDB error as the field error', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, error, result: null }).outcome).toEqual(
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    );
  });
});

describe('Query.space — 2-getSpace', () => {
  it('reads the space of a member', () => {
    expect(run(GET_SPACE, 'request', { identity: caller, arguments: args, stash: { role: 'EDITOR' }, env, prev: { result: membership } }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { id: { S: 'space-1' } } },
    });
  });

  it('returns null early for a non-member, without reading the space', () => {
    // earlyReturn in a function's request skips its data source and response handler:
    // https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
    expect(run(GET_SPACE, 'request', { identity: caller, arguments: args, stash: {}, env, prev: { result: null } }).outcome).toEqual({
      kind: 'earlyReturn',
      result: null,
    });
  });

  it('returns the space with the caller’s role, or null when it is gone', () => {
    const ctx = { identity: caller, arguments: args, stash: { role: 'EDITOR' }, env, prev: { result: membership } };
    expect([run(GET_SPACE, 'response', { ...ctx, result: space }).outcome, run(GET_SPACE, 'response', { ...ctx, result: null }).outcome]).toEqual([
      { kind: 'result', result: { ...space, myRole: 'EDITOR' } },
      { kind: 'result', result: null },
    ]);
  });
});
