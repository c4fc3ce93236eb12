import { NOW, caller, env, raised, resolverFile, run } from './run-handler';

// Lambda BatchInvoke request and batched results:
// https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html
// https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html ("Advanced use case: Batching")
const NOW_SECONDS = Math.floor(NOW / 1000);
const profile = { id: 'user-2', handle: 'grace', displayName: 'Grace', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', expiresAt: NOW_SECONDS + 86400 };

describe.each([
  ['Note.author.ts', { id: 'note-1', spaceId: 'space-1', authorId: 'user-2', title: 'T' }, 'authorId'],
  ['Comment.author.ts', { id: 'c-1', noteId: 'note-1', spaceId: 'space-1', authorId: 'user-2', body: 'B' }, 'authorId'],
  ['Membership.user.ts', { spaceId: 'space-1', userId: 'user-2', role: 'EDITOR' }, 'userId'],
])('%s', (file, source, idField) => {
  const FILE = resolverFile(file);

  it('asks the profile loader for the user, batched with its siblings', () => {
    expect(run(FILE, 'request', { identity: caller, arguments: {}, source, stash: {}, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'BatchInvoke', payload: { userId: 'user-2' } },
    });
  });

  it('answers null without a call when the id is gone (an anonymised contribution)', () => {
    expect(run(FILE, 'request', { identity: caller, arguments: {}, source: { ...source, [idField]: null }, stash: {}, env }).outcome).toEqual({
      kind: 'earlyReturn',
      result: null,
    });
  });

  it('returns the loaded profile as other users see it: without when its owner was last active', () => {
    expect(run(FILE, 'response', { identity: caller, arguments: {}, source, stash: {}, env, result: { ...profile, lastActiveAt: '2025-12-31T00:00:00.000Z' } }).outcome).toEqual({
      kind: 'result',
      result: { id: 'user-2', handle: 'grace', displayName: 'Grace', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' },
    });
  });

  it('hides a profile that is missing or whose expiresAt has passed (DynamoDB deletes up to 48 h late)', () => {
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
    expect(run(FILE, 'response', { identity: caller, arguments: {}, source, stash: {}, env, result: null }).outcome).toEqual({ kind: 'result', result: null });
    expect(run(FILE, 'response', { identity: caller, arguments: {}, source, stash: {}, env, result: { ...profile, expiresAt: NOW_SECONDS } }).outcome).toEqual({ kind: 'result', result: null });
  });

  it('raises the loader’s failure as the field’s error', () => {
    expect(run(FILE, 'response', { identity: caller, arguments: {}, source, stash: {}, env, result: null, error: { message: 'boom', type: 'Lambda:Unhandled' } }).outcome).toEqual(
      raised('Lambda:Unhandled', 'boom'),
    );
  });
});
