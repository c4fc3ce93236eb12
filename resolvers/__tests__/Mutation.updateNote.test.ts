import { NOW_ISO, caller, env, raised, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Mutation.updateNote/resolver.ts');
const GET_NOTE = resolverFile('Mutation.updateNote/1-getNote.ts');
const AUTHORIZE = resolverFile('Mutation.updateNote/2-authorize.ts');
const UPDATE = resolverFile('Mutation.updateNote/3-updateNote.ts');
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'updateNote', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
const note = {
  id: 'note-1',
  spaceId: 'space-1',
  authorId: 'user-2',
  title: 'Curlew',
  body: 'Two',
  checklist: [],
  tags: ['birds'],
  links: [],
  createdAt: '2025-12-01T00:00:00.000Z',
  updatedAt: '2025-12-01T00:00:00.000Z',
  _version: 3,
  _lastChangedAt: 1764547200000,
};
const args = { input: { id: 'note-1', _version: 3, title: 'Curlews' } };

describe('Mutation.updateNote — input validation (resolver.ts)', () => {
  it('keeps only the fields given: null clears the body, a list replaces the stored one', () => {
    const input = { id: 'note-1', _version: 3, title: ' Curlews ', body: null, tags: [' waders '], links: [], checklist: [{ id: 'c1', text: 'Photo', done: true }] };
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env })).toEqual({
      outcome: { kind: 'result', result: {} },
      stash: { changes: { title: 'Curlews', body: null, tags: ['waders'], links: [], checklist: [{ id: 'c1', text: 'Photo', done: true }] } },
    });
  });

  it.each([
    ['no change at all', {}, 'updateNote needs at least one of title, body, checklist, tags or links.'],
    ['a null title', { title: null }, 'title cannot be removed; a note always has a title.'],
    ['a blank title', { title: ' ' }, 'title must be 1 to 200 characters (received 0 after trimming).'],
    ['a mailto link', { links: ['mailto:ada@example.com'] }, 'Each link must be an http:// or https:// URL of at most 2048 characters (received "mailto:ada@example.com").'],
  ])('rejects %s with a ValidationError before anything is read or written', (_label, change, message) => {
    const input = { id: 'note-1', _version: 3, ...change };
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env })).toEqual({ outcome: raised('ValidationError', message), stash: {} });
  });
});

describe('Mutation.updateNote — 1-getNote', () => {
  it('reads the note consistently and keeps it in the stash', () => {
    expect({
      request: run(GET_NOTE, 'request', { identity: caller, arguments: args, stash: {}, env }),
      response: run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: note }),
    }).toEqual({
      request: { outcome: { kind: 'result', result: { operation: 'GetItem', key: { id: { S: 'note-1' } }, consistentRead: true } }, stash: {} },
      response: { outcome: { kind: 'result', result: note }, stash: { note } },
    });
  });

  it('is NoteNotFound for a note that never existed', () => {
    expect(run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: null })).toEqual({
      outcome: raised('NoteNotFound', 'Note note-1 does not exist.'),
      stash: {},
    });
  });
});

describe('Mutation.updateNote — 2-authorize', () => {
  const membership = { spaceId: 'space-1', userId: 'user-1', role: 'EDITOR', joinedAt: '2025-12-01T00:00:00.000Z' };

  it('reads the caller’s membership of the note’s space and lets an EDITOR through', () => {
    const ctx = { identity: caller, arguments: args, stash: { note }, env, info };
    expect({ request: run(AUTHORIZE, 'request', ctx).outcome, response: run(AUTHORIZE, 'response', { ...ctx, result: membership }) }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true } },
      response: { outcome: { kind: 'result', result: membership }, stash: { note, role: 'EDITOR' } },
    });
  });

  it.each([['a VIEWER', { ...membership, role: 'VIEWER' }], ['a non-member', null]])('is Unauthorized for %s', (_label, result) => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: { note }, env, info, result }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Not Authorized to access updateNote on type Mutation', errorType: 'Unauthorized' },
    });
  });
});

describe('Mutation.updateNote — 3-updateNote', () => {
  it('sets the changes and updatedAt at the client’s _version, on a note that still exists', () => {
    // UpdateItem request shape, `_version` included for versioned data sources:
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
    const changes = { title: 'Curlews', body: null, tags: ['waders'] };
    expect(run(UPDATE, 'request', { identity: caller, arguments: args, stash: { note, changes }, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'UpdateItem',
        key: { id: { S: 'note-1' } },
        update: {
          expression: 'SET #updatedAt = :updatedAt, #title = :title, #tags = :tags REMOVE #body',
          expressionNames: { '#updatedAt': 'updatedAt', '#title': 'title', '#body': 'body', '#tags': 'tags' },
          expressionValues: { ':updatedAt': { S: NOW_ISO }, ':title': { S: 'Curlews' }, ':tags': { L: [{ S: 'waders' }] } },
        },
        condition: { expression: 'attribute_exists(#id)', expressionNames: { '#id': 'id' } },
        _version: 3,
      },
    });
  });

  it('answers a note deleted meanwhile with a conflict that carries its tombstone, once the caller is authorized', () => {
    const tombstone = { ...note, _version: 4, _deleted: true };
    expect(run(UPDATE, 'request', { identity: caller, arguments: args, stash: { note: tombstone, changes: { title: 'Curlews' } }, env }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Conflict resolver rejects mutation.', errorType: 'ConflictUnhandled', data: tombstone },
    });
  });

  it('returns the updated note', () => {
    const updated = { ...note, title: 'Curlews', updatedAt: NOW_ISO, _version: 4 };
    expect(run(UPDATE, 'response', { identity: caller, arguments: args, stash: {}, env, result: updated }).outcome).toEqual({ kind: 'result', result: updated });
  });

  it('raises a stale version’s conflict with the server’s note as the error data', () => {
    // Conflict detection VERSION, handler NONE: ConflictUnhandled, and the client resolves it from
    // the server's item: https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html
    const server = { ...note, title: 'Whimbrel', _version: 4 };
    const error = { message: 'Conflict resolver rejects mutation.', type: 'ConflictUnhandled' };
    expect(run(UPDATE, 'response', { identity: caller, arguments: args, stash: {}, env, error, result: server }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Conflict resolver rejects mutation.', errorType: 'ConflictUnhandled', data: server },
    });
  });

  it('is NoteNotFound when the note was removed outright meanwhile, and raises any other error as it is', () => {
    const response = (error: object) => run(UPDATE, 'response', { identity: caller, arguments: args, stash: {}, env, error, result: null }).outcome;
    expect([
      response({ message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' }),
      response({ message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' }),
    ]).toEqual([
      raised('NoteNotFound', 'Note note-1 does not exist.'),
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    ]);
  });
});
