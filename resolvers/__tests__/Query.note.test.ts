import { caller, env, raised, resolverFile, run } from './run-handler';

const GET_NOTE = resolverFile('Query.note/1-getNote.ts');
const AUTHORIZE = resolverFile('Query.note/2-authorize.ts');
const args = { id: 'note-1' };
const note = {
  id: 'note-1',
  spaceId: 'space-1',
  authorId: 'user-2',
  title: 'Curlew',
  checklist: [],
  tags: [],
  links: [],
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-01T00:00:00.000Z',
  _version: 1,
  _lastChangedAt: 1764547200000,
};

describe('Query.note — 1-getNote', () => {
  it('reads the note by id', () => {
    // GetItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html
    expect(run(GET_NOTE, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { id: { S: 'note-1' } }, consistentRead: false },
    });
  });

  it('passes a live note on, and null for a missing or deleted one', () => {
    // A versioned data source's delete leaves `_deleted: true` on the item:
    // https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
    const outcome = (result: object | null) => run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result }).outcome;
    expect([outcome(note), outcome(null), outcome({ ...note, _deleted: true, _version: 2 })]).toEqual([
      { kind: 'result', result: note },
      { kind: 'result', result: null },
      { kind: 'result', result: null },
    ]);
  });

  it('raises a DynamoDB error as the field error', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, error, result: null }).outcome).toEqual(
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    );
  });
});

describe('Query.note — 2-authorize', () => {
  it('reads the caller’s membership of the note’s space, keeping the note in the stash', () => {
    expect(run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env, prev: { result: note } })).toEqual({
      outcome: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      stash: { note },
    });
  });

  it('returns null early when there is no note, without reading a membership', () => {
    // earlyReturn in a function's request skips its data source and response handler:
    // https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html
    expect(run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env, prev: { result: null } })).toEqual({
      outcome: { kind: 'earlyReturn', result: null },
      stash: {},
    });
  });

  it('returns the note to any member and null to anyone else', () => {
    const membership = (role: string) => ({ spaceId: 'space-1', userId: 'user-1', role, joinedAt: '2025-12-01T00:00:00.000Z' });
    const outcome = (result: object | null) => run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: { note }, env, result }).outcome;
    expect([outcome(membership('VIEWER')), outcome(membership('EDITOR')), outcome(membership('OWNER')), outcome(null)]).toEqual([
      { kind: 'result', result: note },
      { kind: 'result', result: note },
      { kind: 'result', result: note },
      { kind: 'result', result: null },
    ]);
  });
});
