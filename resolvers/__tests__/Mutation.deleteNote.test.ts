import { caller, env, raised, resolverFile, run } from './run-handler';

const GET_NOTE = resolverFile('Mutation.deleteNote/1-getNote.ts');
const AUTHORIZE = resolverFile('Mutation.deleteNote/2-authorize.ts');
const DELETE = resolverFile('Mutation.deleteNote/3-deleteNote.ts');
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'deleteNote', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
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
  _version: 2,
  _lastChangedAt: 1764547200000,
};
const args = { input: { id: 'note-1', _version: 2 } };

describe('Mutation.deleteNote — 1-getNote', () => {
  it('reads the note consistently and keeps it in the stash, or is NoteNotFound', () => {
    expect({
      request: run(GET_NOTE, 'request', { identity: caller, arguments: args, stash: {}, env }),
      found: run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: note }),
      missing: run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: null }),
    }).toEqual({
      request: { outcome: { kind: 'result', result: { operation: 'GetItem', key: { id: { S: 'note-1' } }, consistentRead: true } }, stash: {} },
      found: { outcome: { kind: 'result', result: note }, stash: { note } },
      missing: { outcome: raised('NoteNotFound', 'Note note-1 does not exist.'), stash: {} },
    });
  });
});

describe('Mutation.deleteNote — 2-authorize', () => {
  const membership = (role: string) => ({ spaceId: 'space-1', userId: 'user-1', role, joinedAt: '2025-12-01T00:00:00.000Z' });
  const response = (result: object | null) => run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: { note }, env, info, result }).outcome;
  const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access deleteNote on type Mutation', errorType: 'Unauthorized' } };

  it('reads the caller’s membership of the note’s space; EDITOR and OWNER pass, VIEWER and non-members do not', () => {
    expect({
      request: run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: { note }, env, info }).outcome,
      responses: [response(membership('OWNER')), response(membership('EDITOR')), response(membership('VIEWER')), response(null)],
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      responses: [{ kind: 'result', result: membership('OWNER') }, { kind: 'result', result: membership('EDITOR') }, unauthorized, unauthorized],
    });
  });
});

describe('Mutation.deleteNote — 3-deleteNote', () => {
  it('deletes at the client’s _version', () => {
    // DeleteItem request shape, `_version` included for versioned data sources:
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
    expect(run(DELETE, 'request', { identity: caller, arguments: args, stash: { note }, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'DeleteItem', key: { id: { S: 'note-1' } }, _version: 2 },
    });
  });

  it('answers a note deleted already with a conflict that carries its tombstone', () => {
    const tombstone = { ...note, _version: 3, _deleted: true };
    expect(run(DELETE, 'request', { identity: caller, arguments: args, stash: { note: tombstone }, env }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Conflict resolver rejects mutation.', errorType: 'ConflictUnhandled', data: tombstone },
    });
  });

  it('returns the tombstone, raises a stale version’s conflict with the server’s note, and is NoteNotFound when nothing was there', () => {
    // A versioned delete leaves `_deleted: true` at version + 1, and a stale `_version` is
    // ConflictUnhandled with the server's item: https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html
    const tombstone = { ...note, _version: 3, _deleted: true, _ttl: 1767323045 };
    const server = { ...note, title: 'Whimbrel', _version: 3 };
    const response = (extra: object) => run(DELETE, 'response', { identity: caller, arguments: args, stash: {}, env, ...extra }).outcome;
    expect([
      response({ result: tombstone }),
      response({ error: { message: 'Conflict resolver rejects mutation.', type: 'ConflictUnhandled' }, result: server }),
      response({ result: null }),
    ]).toEqual([
      { kind: 'result', result: tombstone },
      { kind: 'error', error: { message: 'Conflict resolver rejects mutation.', errorType: 'ConflictUnhandled', data: server } },
      raised('NoteNotFound', 'Note note-1 does not exist.'),
    ]);
  });
});
