import { NOW_ISO, caller, env, raised, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Mutation.createNote/resolver.ts');
const AUTHORIZE = resolverFile('Mutation.createNote/1-authorize.ts');
const CREATE = resolverFile('Mutation.createNote/2-createNote.ts');
// util.autoId() is a version 4 UUID: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
// util.unauthorized names the field from ctx.info: https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html
const info = { fieldName: 'createNote', parentTypeName: 'Mutation', variables: {}, selectionSetList: [], selectionSetGraphQL: '' };
const unauthorized = { kind: 'error', error: { message: 'Not Authorized to access createNote on type Mutation', errorType: 'Unauthorized' } };
const content = { title: 'Curlew', body: 'Two on the mudflat', checklist: [{ id: 'c1', text: 'Photo', done: true }], tags: ['birds'], links: ['https://example.com/curlew'] };

describe('Mutation.createNote — input validation (resolver.ts)', () => {
  it('trims the title and tags, keeps checklist ids and gives new items one, into ctx.stash.content', () => {
    const input = {
      spaceId: 'space-1',
      title: '  Curlew ',
      body: 'Two on the mudflat',
      checklist: [{ id: 'c1', text: ' Photo ', done: true }, { text: 'Count' }],
      tags: [' birds ', 'estuary'],
      links: ['https://example.com/curlew', 'http://example.org/'],
    };
    const { outcome, stash } = run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env });
    const newItemId = (stash.content as { checklist: { id: string }[] }).checklist[1].id;
    expect(newItemId).toMatch(UUID);
    expect({ outcome, stash }).toEqual({
      outcome: { kind: 'result', result: {} },
      stash: {
        content: {
          title: 'Curlew',
          body: 'Two on the mudflat',
          checklist: [{ id: 'c1', text: 'Photo', done: true }, { id: newItemId, text: 'Count', done: false }],
          tags: ['birds', 'estuary'],
          links: ['https://example.com/curlew', 'http://example.org/'],
        },
      },
    });
  });

  it('stores empty lists and no body when they are left out', () => {
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { input: { spaceId: 'space-1', title: 'T', body: null } }, stash: {}, env }).stash).toEqual({
      content: { title: 'T', checklist: [], tags: [], links: [] },
    });
  });

  it.each([
    ['a blank title', { title: '  ' }, 'title must be 1 to 200 characters (received 0 after trimming).'],
    ['a title of 201 characters', { title: 't'.repeat(201) }, 'title must be 1 to 200 characters (received 201 after trimming).'],
    ['a body of 20,001 characters', { body: 'b'.repeat(20001) }, 'body must be at most 20000 characters (received 20001).'],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'A note has at most 20 tags (received 21).'],
    ['a blank tag', { tags: ['ok', ' '] }, 'Each tag must be 1 to 30 characters (received " ").'],
    ['a tag of 31 characters', { tags: ['x'.repeat(31)] }, `Each tag must be 1 to 30 characters (received "${'x'.repeat(31)}").`],
    ['a javascript: link', { links: ['javascript:alert(1)'] }, 'Each link must be an http:// or https:// URL of at most 2048 characters (received "javascript:alert(1)").'],
    ['an ftp link', { links: ['ftp://example.com/file'] }, 'Each link must be an http:// or https:// URL of at most 2048 characters (received "ftp://example.com/file").'],
    ['21 links', { links: Array.from({ length: 21 }, (_, i) => `https://example.com/${i}`) }, 'A note has at most 20 links (received 21).'],
    ['a blank checklist item', { checklist: [{ text: ' ' }] }, 'Each checklist item must be 1 to 500 characters (received 0 after trimming).'],
    ['a repeated checklist id', { checklist: [{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }] }, 'Checklist item ids must be unique within the note ("a" appears twice).'],
    ['an id with a slash', { id: 'a/b' }, 'id must be 1 to 64 letters, digits, "-" or "_" (received "a/b").'],
  ])('rejects %s with a ValidationError before anything is read or written', (_label, change, message) => {
    const input = { spaceId: 'space-1', title: 'T', ...change };
    expect(run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env })).toEqual({ outcome: raised('ValidationError', message), stash: {} });
  });
});

describe('Mutation.createNote — 1-authorize', () => {
  const args = { input: { spaceId: 'space-1', title: 'T' } };
  const membership = { spaceId: 'space-1', userId: 'user-1', role: 'EDITOR', joinedAt: '2025-12-01T00:00:00.000Z' };

  it('reads the caller’s membership of the note’s space, consistently', () => {
    expect(run(AUTHORIZE, 'request', { identity: caller, arguments: args, stash: {}, env, info }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'GetItem', key: { spaceId: { S: 'space-1' }, userId: { S: 'user-1' } }, consistentRead: true },
    });
  });

  it.each([['an EDITOR', 'EDITOR'], ['the OWNER', 'OWNER']])('lets %s through', (_label, role) => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result: { ...membership, role } })).toEqual({
      outcome: { kind: 'result', result: { ...membership, role } },
      stash: { role },
    });
  });

  it.each([['a VIEWER', { ...membership, role: 'VIEWER' }], ['a non-member', null]])('is Unauthorized for %s', (_label, result) => {
    expect(run(AUTHORIZE, 'response', { identity: caller, arguments: args, stash: {}, env, info, result })).toEqual({ outcome: unauthorized, stash: {} });
  });
});

describe('Mutation.createNote — 2-createNote', () => {
  // PutItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
  const attributeValues = {
    spaceId: { S: 'space-1' },
    authorId: { S: 'user-1' },
    title: { S: 'Curlew' },
    body: { S: 'Two on the mudflat' },
    checklist: { L: [{ M: { id: { S: 'c1' }, text: { S: 'Photo' }, done: { BOOL: true } } }] },
    tags: { L: [{ S: 'birds' }] },
    links: { L: [{ S: 'https://example.com/curlew' }] },
    createdAt: { S: NOW_ISO },
    updatedAt: { S: NOW_ISO },
  };
  const condition = { expression: 'attribute_not_exists(#id)', expressionNames: { '#id': 'id' } };

  it('puts a new note by the caller under a server id, only if that id is free', () => {
    const { outcome, stash } = run(CREATE, 'request', { identity: caller, arguments: { input: { spaceId: 'space-1', title: 'Curlew' } }, stash: { content }, env });
    const id = stash.noteId as string;
    expect(id).toMatch(UUID);
    expect({ outcome, stash }).toEqual({
      outcome: { kind: 'result', result: { operation: 'PutItem', key: { id: { S: id } }, attributeValues, condition } },
      stash: { content, noteId: id },
    });
  });

  it('keeps the id an offline client generated', () => {
    const input = { id: 'client-note-1', spaceId: 'space-1', title: 'Curlew' };
    expect(run(CREATE, 'request', { identity: caller, arguments: { input }, stash: { content }, env })).toEqual({
      outcome: { kind: 'result', result: { operation: 'PutItem', key: { id: { S: 'client-note-1' } }, attributeValues, condition } },
      stash: { content, noteId: 'client-note-1' },
    });
  });

  it('returns the note as written, with the version the data source gave it', () => {
    const written = { id: 'note-1', spaceId: 'space-1', authorId: 'user-1', ...content, createdAt: NOW_ISO, updatedAt: NOW_ISO, _version: 1, _lastChangedAt: 1767323045678 };
    expect(run(CREATE, 'response', { identity: caller, arguments: { input: { spaceId: 'space-1', title: 'Curlew' } }, stash: { content }, env, result: written }).outcome).toEqual({
      kind: 'result',
      result: written,
    });
  });

  it('refuses an id that is taken without handing out that note', () => {
    // A versioned data source answers a put over an existing item with ConflictUnhandled and the
    // server's item: https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html
    const input = { id: 'taken', spaceId: 'space-1', title: 'Curlew' };
    const error = { message: 'Conflict resolver rejects mutation.', type: 'ConflictUnhandled' };
    const other = { id: 'taken', spaceId: 'space-9', title: 'Secret', _version: 3 };
    expect(run(CREATE, 'response', { identity: caller, arguments: { input }, stash: { content, noteId: 'taken' }, env, error, result: other }).outcome).toEqual(
      raised('NoteAlreadyExists', 'A note with id taken already exists.'),
    );
  });

  it('raises any other DynamoDB error as the field error', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect(run(CREATE, 'response', { identity: caller, arguments: { input: { spaceId: 'space-1', title: 'T' } }, stash: { content }, env, error, result: null }).outcome).toEqual(
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    );
  });
});
