import { NOW, caller, raised, resolverFile, run } from './run-handler';

// Sync request and the base/delta choice AppSync makes:
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-conflict-detection-and-sync-sync-operations.html
const RESOLVER = resolverFile('Query.syncNotes/resolver.ts');
const MEMBERSHIPS = resolverFile('Query.syncNotes/1-memberships.ts');
const NOTES = resolverFile('Query.syncNotes/2-notes.ts');
const env = { NOTES_DELTA_SYNC_TTL_MINUTES: '30' };
const MINUTE = 60_000;
const token = (text: string) => Buffer.from(text).toString('base64');

describe('Query.syncNotes resolver', () => {
  const start = (args: object) => run(RESOLVER, 'request', { identity: caller, arguments: args, stash: {}, env });

  it('answers from the delta table while it still holds every change since lastSync', () => {
    expect(start({ lastSync: NOW - 30 * MINUTE }).stash).toEqual({ limit: 20, sync: { phase: 'start', startedAt: NOW, lastSync: NOW - 30 * MINUTE } });
  });

  it('falls back to a base sync without lastSync or when lastSync is older than the delta table keeps', () => {
    expect(start({ limit: 50 }).stash).toEqual({ limit: 50, sync: { phase: 'start', startedAt: NOW, lastSync: null } });
    expect(start({ lastSync: NOW - 30 * MINUTE - 1 }).stash).toEqual({ limit: 20, sync: { phase: 'start', startedAt: NOW, lastSync: null } });
  });

  it('resumes from its nextToken', () => {
    expect(start({ nextToken: token(`base\n${NOW - 5}\nspace-2\ninner-1`) }).stash).toEqual({
      limit: 20,
      sync: { phase: 'base', startedAt: NOW - 5, spaceId: 'space-2', inner: 'inner-1' },
    });
    expect(start({ nextToken: token(`delta\n${NOW - 5}\n${NOW - MINUTE}\ninner-2`) }).stash).toEqual({
      limit: 20,
      sync: { phase: 'delta', startedAt: NOW - 5, lastSync: NOW - MINUTE, inner: 'inner-2' },
    });
  });

  it.each([['not base64!'], [token('base\nsoon\nspace-1\n')], [token(`delta\n${NOW}\n${NOW}\n`)], [token('other\n1\n2\n3')], [token(`base\n${NOW}\nspace-1`)]])(
    'rejects a nextToken it did not issue: %s',
    (nextToken) => {
      expect(start({ nextToken }).outcome).toEqual(raised('ValidationError', 'nextToken is not a token this query returned.'));
    },
  );

  it('rejects a lastSync in the future and a limit above 100', () => {
    expect(start({ lastSync: NOW + 1 }).outcome).toEqual(raised('ValidationError', `lastSync must be a past moment in epoch milliseconds (received ${NOW + 1}).`));
    expect(start({ limit: 101 }).outcome).toEqual(raised('ValidationError', 'limit must be 1 to 100 (received 101).'));
  });
});

describe('Query.syncNotes 1-memberships', () => {
  it('reads up to 100 of the caller’s spaces to start or continue a delta sync', () => {
    expect(run(MEMBERSHIPS, 'request', { identity: caller, arguments: {}, stash: { sync: { phase: 'start', startedAt: NOW, lastSync: null } }, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'Query',
        index: 'byUser',
        query: { expression: '#userId = :userId', expressionNames: { '#userId': 'userId' }, expressionValues: { ':userId': { S: 'user-1' } } },
        limit: 100,
      },
    });
  });

  it('reads the space a base sync is on and the one after it, in spaceId order', () => {
    const stash = { sync: { phase: 'base', startedAt: NOW, spaceId: 'space-2', inner: null } };
    expect(run(MEMBERSHIPS, 'request', { identity: caller, arguments: {}, stash, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'Query',
        index: 'byUser',
        query: {
          expression: '#userId = :userId AND #spaceId >= :from',
          expressionNames: { '#userId': 'userId', '#spaceId': 'spaceId' },
          expressionValues: { ':userId': { S: 'user-1' }, ':from': { S: 'space-2' } },
        },
        limit: 2,
      },
    });
  });

  it('passes on the space ids and whether there are more', () => {
    const result = { items: [{ spaceId: 'space-1', userId: 'user-1' }, { spaceId: 'space-2', userId: 'user-1' }], nextToken: 'more' };
    expect(run(MEMBERSHIPS, 'response', { identity: caller, arguments: {}, stash: {}, env, result }).outcome).toEqual({
      kind: 'result',
      result: { spaceIds: ['space-1', 'space-2'], more: true },
    });
  });
});

describe('Query.syncNotes 2-notes', () => {
  const request = (sync: object, prev: object) => run(NOTES, 'request', { identity: caller, arguments: {}, stash: { limit: 20, sync }, prev: { result: prev }, env });
  const bySpace = (spaceId: string) => ({
    operation: 'Query',
    index: 'bySpace',
    query: { expression: '#spaceId = :spaceId', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: { ':spaceId': { S: spaceId } } },
    limit: 20,
  });

  it('answers an empty page at once for a caller without spaces', () => {
    expect(request({ phase: 'start', startedAt: NOW, lastSync: null }, { spaceIds: [], more: false }).outcome).toEqual({
      kind: 'earlyReturn',
      result: { items: [], nextToken: null, startedAt: NOW },
    });
  });

  it('asks the delta table for changes in the caller’s spaces since lastSync', () => {
    const { outcome, stash } = request({ phase: 'start', startedAt: NOW, lastSync: NOW - MINUTE }, { spaceIds: ['space-1', 'space-2'], more: false });
    expect({ outcome, page: stash.page }).toEqual({
      outcome: {
        kind: 'result',
        result: {
          operation: 'Sync',
          lastSync: NOW - MINUTE,
          limit: 20,
          filter: { expression: '#spaceId IN (:s0, :s1)', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: { ':s0': { S: 'space-1' }, ':s1': { S: 'space-2' } } },
        },
      },
      page: { phase: 'delta', lastSync: NOW - MINUTE },
    });
  });

  it('continues a delta sync with the data source’s token', () => {
    const { outcome } = request({ phase: 'delta', startedAt: NOW, lastSync: NOW - MINUTE, inner: 'inner-1' }, { spaceIds: ['space-1'], more: false });
    expect(outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'Sync',
        lastSync: NOW - MINUTE,
        limit: 20,
        nextToken: 'inner-1',
        filter: { expression: '#spaceId IN (:s0)', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: { ':s0': { S: 'space-1' } } },
      },
    });
  });

  it('makes a base sync, one space at a time, when the caller has more spaces than a filter can name', () => {
    const { outcome, stash } = request({ phase: 'start', startedAt: NOW, lastSync: NOW - MINUTE }, { spaceIds: ['space-1', 'space-2'], more: true });
    expect({ outcome, page: stash.page }).toEqual({ outcome: { kind: 'result', result: bySpace('space-1') }, page: { phase: 'base', spaceId: 'space-1', nextSpaceId: 'space-2' } });
  });

  it('resumes a base page inside its space, or starts the next space afresh when the caller left it', () => {
    expect(request({ phase: 'base', startedAt: NOW, spaceId: 'space-2', inner: 'inner-1' }, { spaceIds: ['space-2'], more: false }).outcome).toEqual({
      kind: 'result',
      result: { ...bySpace('space-2'), nextToken: 'inner-1' },
    });
    expect(request({ phase: 'base', startedAt: NOW, spaceId: 'space-2', inner: 'inner-1' }, { spaceIds: ['space-3'], more: false }).outcome).toEqual({
      kind: 'result',
      result: bySpace('space-3'),
    });
  });

  describe('response', () => {
    const note = { id: 'note-1', spaceId: 'space-1', title: 'T', _version: 2, _deleted: true, _lastChangedAt: NOW - 10 };
    const respond = (page: object, nextToken: string | null) =>
      run(NOTES, 'response', { identity: caller, arguments: {}, stash: { sync: { startedAt: NOW - 5 }, page }, env, result: { items: [note], nextToken } }).outcome;

    it('carries on inside the space while the Query has more, then moves to the next space, then ends', () => {
      expect(respond({ phase: 'base', spaceId: 'space-1', nextSpaceId: 'space-2' }, 'inner-1')).toEqual({
        kind: 'result',
        result: { items: [note], nextToken: token(`base\n${NOW - 5}\nspace-1\ninner-1`), startedAt: NOW - 5 },
      });
      expect(respond({ phase: 'base', spaceId: 'space-1', nextSpaceId: 'space-2' }, null)).toEqual({
        kind: 'result',
        result: { items: [note], nextToken: token(`base\n${NOW - 5}\nspace-2\n`), startedAt: NOW - 5 },
      });
      expect(respond({ phase: 'base', spaceId: 'space-2', nextSpaceId: null }, null)).toEqual({ kind: 'result', result: { items: [note], nextToken: null, startedAt: NOW - 5 } });
    });

    it('wraps the delta query’s token, keeping startedAt from the first page', () => {
      expect(respond({ phase: 'delta', lastSync: NOW - MINUTE }, 'inner-2')).toEqual({
        kind: 'result',
        result: { items: [note], nextToken: token(`delta\n${NOW - 5}\n${NOW - MINUTE}\ninner-2`), startedAt: NOW - 5 },
      });
      expect(respond({ phase: 'delta', lastSync: NOW - MINUTE }, null)).toEqual({ kind: 'result', result: { items: [note], nextToken: null, startedAt: NOW - 5 } });
    });
  });
});
