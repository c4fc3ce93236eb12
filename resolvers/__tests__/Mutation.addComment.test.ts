import { NOW_ISO, caller, env, raised, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Mutation.addComment/resolver.ts');
const GET_NOTE = resolverFile('Mutation.addComment/1-getNote.ts');
const AUTHORIZE = resolverFile('Mutation.addComment/2-authorize.ts');
const PUT = resolverFile('Mutation.addComment/3-putComment.ts');
const args = { input: { noteId: 'note-1', body: '  Saw a heron here.  ' } };
const note = { id: 'note-1', spaceId: 'space-1', authorId: 'user-2', title: 'Estuary', _version: 1 };
const editorMembership = { spaceId: 'space-1', userId: 'user-1', role: 'EDITOR', joinedAt: '2025-12-01T00:00:00.000Z' };
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'addComment', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access addComment on type Mutation', errorType: 'Unauthorized' } };

describe('Mutation.addComment — resolver.ts', () => {
  it('trims the body into the stash before anything is read', () => {
    expect(run(RESOLVER, 'request', { identity: caller, arguments: args, stash: {}, env })).toEqual({
      outcome: { kind: 'result', result: {} },
      stash: { body: 'Saw a heron here.' },
    });
  });

  it.each([
    ['a blank body', '   \n ', 'body must be 1 to 2000 characters (received 0 after trimming).'],
    ['a body over 2,000 characters', ` ${'a'.repeat(2001)} `, 'body must be 1 to 2000 characters (received 2001 after trimming).'],
  ])('refuses %s', (_label, body, message) => {
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { input: { noteId: 'note-1', body } }, stash: {}, env })).toEqual({
      outcome: raised('ValidationError', message),
      stash: {},
    });
  });

  it('accepts exactly 2,000 characters and resolves to the saved comment', () => {
    const comment = { noteId: 'note-1', id: 'c-1' };
    expect({
      longest: run(RESOLVER, 'request', { identity: caller, arguments: { input: { noteId: 'note-1', body: 'b'.repeat(2000) } }, stash: {}, env }).stash,
      response: run(RESOLVER, 'response', { identity: caller, arguments: args, stash: {}, env, prev: { result: comment } }).outcome,
    }).toEqual({ longest: { body: 'b'.repeat(2000) }, response: { kind: 'result', result: comment } });
  });
});

describe('Mutation.addComment — 1-getNote', () => {
  it('reads the note consistently and passes it on', () => {
    expect({
      request: run(GET_NOTE, 'request', { identity: caller, arguments: args, stash: {}, env }).outcome,
      response: run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result: note }).outcome,
    }).toEqual({
      request: { kind: 'result', result: { operation: 'GetItem', key: { id: { S: 'note-1' } }, consistentRead: true } },
      response: { kind: 'result', result: note },
    });
  });

  // A versioned data source keeps a deleted item as a tombstone with _deleted: true:
  // https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
  it.each([
    ['a missing note', null],
    ['a deleted note (tombstone)', { ...note, _deleted: true, _version: 2 }],
  ])('refuses %s', (_label, result) => {
    expect(run(GET_NOTE, 'response', { identity: caller, arguments: args, stash: {}, env, result }).outcome).toEqual(raised('NoteNotFound', 'Note note-1 does not exist.'));
  });
});

describe('Mutation.addComment — 2-authorize', () => {
  it('reads the caller’s membership of the note’s space consistently', () => {
    expect(run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env, info, prev: { result: note } }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true },
    });
  });

  it.each([['EDITOR'], ['OWNER']])('lets an %s comment', (role) => {
    const membership = { ...editorMembership, role };
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result: membership })).toEqual({
      outcome: { kind: 'result', result: membership },
      stash: { role },
    });
  });

  it.each([
    ['a VIEWER', { ...editorMembership, role: 'VIEWER' }],
    ['a non-member', null],
  ])('is Unauthorized for %s', (_label, result) => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result })).toEqual({ outcome: unauthorized, stash: {} });
  });
});

describe('Mutation.addComment — 3-putComment', () => {
  it('puts the comment under `${createdAt}#${id}`, never over an existing one', () => {
    // PutItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
    const { outcome } = run(PUT, 'request', { identity: caller, arguments: args, stash: { body: 'Saw a heron here.', role: 'EDITOR' }, env, prev: { result: editorMembership } });
    const id = (outcome as { result: { attributeValues: { id: { S: string } } } }).result.attributeValues.id.S;
    expect({ outcome, id }).toEqual({
      outcome: {
        kind: 'result',
        result: {
          operation: 'PutItem',
          key: { noteId: { S: 'note-1' }, sk: { S: `${NOW_ISO}#${id}` } },
          attributeValues: { id: { S: id }, spaceId: { S: 'space-1' }, authorId: { S: 'user-1' }, body: { S: 'Saw a heron here.' }, createdAt: { S: NOW_ISO } },
          condition: { expression: 'attribute_not_exists(#sk)', expressionNames: { '#sk': 'sk' } },
        },
      },
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    });
  });

  it('returns the stored comment, or raises the data source error', () => {
    const stored = { noteId: 'note-1', sk: `${NOW_ISO}#c-1`, id: 'c-1', spaceId: 'space-1', authorId: 'user-1', body: 'Saw a heron here.', createdAt: NOW_ISO };
    const error = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };
    expect({
      stored: run(PUT, 'response', { identity: caller, arguments: args, stash: {}, env, result: stored }).outcome,
      failed: run(PUT, 'response', { identity: caller, arguments: args, stash: {}, env, error, result: null }).outcome,
    }).toEqual({ stored: { kind: 'result', result: stored }, failed: raised('DynamoDB:ConditionalCheckFailedException', 'The conditional request failed') });
  });
});
