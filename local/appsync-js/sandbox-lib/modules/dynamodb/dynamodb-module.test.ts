import { createFakeHost } from '../../util/testing/fake-host';
import { createDynamoDbModule, DynamoDBHelperInputError } from './index';

const ddb = createDynamoDbModule(createFakeHost());
const { operations } = ddb;

describe('@aws-appsync/utils/dynamodb exports', () => {
  // The exports of node_modules/@aws-appsync/utils/lib/dynamodb-helpers.d.ts.
  test('every function the typings declare', () => {
    expect(Object.keys(ddb).sort()).toEqual(
      ['batchDelete', 'batchGet', 'batchPut', 'get', 'operations', 'put', 'query', 'remove', 'scan', 'sync', 'toBinarySet', 'toNumberSet', 'toStringSet', 'transactGet', 'transactWrite', 'update'].sort(),
    );
    expect(Object.keys(operations).sort()).toEqual(['add', 'append', 'decrement', 'increment', 'prepend', 'remove', 'replace', 'updateListItem'].sort());
  });
});

describe('get', () => {
  // Recorded from AppSync's EvaluateCode API in localstack/appsync-utils,
  // __tests__/index.test.js ("DynamoDB module functions get") and its snapshot.
  test('as AppSync evaluates it', () => {
    expect(ddb.get({ key: { id: 'id' } })).toEqual({ operation: 'GetItem', key: { id: { S: 'id' } } });
  });

  test('with a consistent read and a projection with nested paths', () => {
    expect(ddb.get({ key: { spaceId: 's1', userId: 'u1' }, consistentRead: true, projection: ['role', 'user.displayName', 'checklist[1]'] })).toEqual({
      operation: 'GetItem',
      key: { spaceId: { S: 's1' }, userId: { S: 'u1' } },
      consistentRead: true,
      projection: {
        expression: '#role, #user.#displayName, #checklist[1]',
        expressionNames: { '#role': 'role', '#user': 'user', '#displayName': 'displayName', '#checklist': 'checklist' },
      },
    });
  });

  test('options that are null or undefined are left out', () => {
    expect(ddb.get({ key: { id: 7 }, consistentRead: undefined, projection: null })).toEqual({ operation: 'GetItem', key: { id: { N: 7 } } });
  });
});

describe('put', () => {
  // Field names of DynamoDBPutItemRequest:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
  test('with a condition and the versioned data source fields', () => {
    expect(
      ddb.put({
        key: { id: 'n1' },
        item: { spaceId: 's1', title: 'Tides', tags: ['sea'], checklist: [{ text: 'boots', done: false }] },
        condition: { id: { attributeExists: false } },
        _version: 1,
        customPartitionKey: 'spaceId',
        populateIndexFields: true,
      }),
    ).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'n1' } },
      attributeValues: {
        spaceId: { S: 's1' },
        title: { S: 'Tides' },
        tags: { L: [{ S: 'sea' }] },
        checklist: { L: [{ M: { text: { S: 'boots' }, done: { BOOL: false } } }] },
      },
      condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} },
      _version: 1,
      customPartitionKey: 'spaceId',
      populateIndexFields: true,
    });
  });

  test('a set built with toStringSet, toNumberSet or toBinarySet stays a set', () => {
    expect(ddb.put({ key: { id: 'n1' }, item: { tags: ddb.toStringSet(['a', 'b']), scores: ddb.toNumberSet([1, 2]), blobs: ddb.toBinarySet(['AA==']) } })).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'n1' } },
      attributeValues: { tags: { SS: ['a', 'b'] }, scores: { NS: [1, 2] }, blobs: { BS: ['AA=='] } },
    });
  });

  test('refuses a missing item', () => {
    expect(() => ddb.put({ key: { id: 'n1' } })).toThrow(new DynamoDBHelperInputError('put item must be an object, received undefined'));
  });
});

describe('remove', () => {
  test('with a condition and a version', () => {
    expect(ddb.remove({ key: { noteId: 'n1', sk: '2024#c1' }, condition: { authorId: { eq: 'u1' } }, _version: 4 })).toEqual({
      operation: 'DeleteItem',
      key: { noteId: { S: 'n1' }, sk: { S: '2024#c1' } },
      condition: { expression: '(#authorId = :authorId_eq)', expressionNames: { '#authorId': 'authorId' }, expressionValues: { ':authorId_eq': { S: 'u1' } } },
      _version: 4,
    });
  });

  test('refuses a condition that is not a filter object', () => {
    expect(() => ddb.remove({ key: { id: 'n1' }, condition: { authorId: 'u1' } })).toThrow(
      new DynamoDBHelperInputError('remove condition is not a filter object: {"authorId":"u1"}'),
    );
  });
});

describe('update', () => {
  test('values are SET, nested objects change only the attributes they name', () => {
    expect(ddb.update({ key: { id: 'u1' }, update: { displayName: 'Ada', bio: null, avatar: { url: 'a.png', width: 64 } } })).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'u1' } },
      update: {
        expression: 'SET #displayName = :displayName, #bio = :bio, #avatar.#url = :avatar_url, #avatar.#width = :avatar_width',
        expressionNames: { '#displayName': 'displayName', '#bio': 'bio', '#avatar': 'avatar', '#url': 'url', '#width': 'width' },
        expressionValues: { ':displayName': { S: 'Ada' }, ':bio': { NULL: null }, ':avatar_url': { S: 'a.png' }, ':avatar_width': { N: 64 } },
      },
    });
  });

  test('every operation', () => {
    expect(
      ddb.update({
        key: { id: 'n1' },
        update: {
          links: operations.add(['https://example.org']),
          location: operations.replace({ lat: 1, lng: 2 }),
          draft: operations.remove(),
          views: operations.increment(),
          credits: operations.decrement(3),
          tags: operations.append(['new']),
          history: operations.prepend(['first']),
          checklist: [operations.updateListItem({ text: 'boots', done: true }, 1), operations.updateListItem({ text: 'map', done: false }, 2)],
        },
        condition: { _version: { eq: 3 } },
        _version: 3,
      }),
    ).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'n1' } },
      update: {
        expression:
          'SET #links = :links, #location = :location, #tags = list_append(#tags, :tags), #history = list_append(:history, #history), #checklist[1] = :checklist_1, #checklist[2] = :checklist_2 REMOVE #draft ADD #views :views, #credits :credits',
        expressionNames: {
          '#links': 'links',
          '#location': 'location',
          '#draft': 'draft',
          '#views': 'views',
          '#credits': 'credits',
          '#tags': 'tags',
          '#history': 'history',
          '#checklist': 'checklist',
        },
        expressionValues: {
          ':links': { L: [{ S: 'https://example.org' }] },
          ':location': { M: { lat: { N: 1 }, lng: { N: 2 } } },
          ':views': { N: 1 },
          ':credits': { N: -3 },
          ':tags': { L: [{ S: 'new' }] },
          ':history': { L: [{ S: 'first' }] },
          ':checklist_1': { M: { text: { S: 'boots' }, done: { BOOL: true } } },
          ':checklist_2': { M: { text: { S: 'map' }, done: { BOOL: false } } },
        },
      },
      condition: { expression: '(#_version = :_version_eq)', expressionNames: { '#_version': '_version' }, expressionValues: { ':_version_eq': { N: 3 } } },
      _version: 3,
    });
  });

  test('an update that only removes has no expression values', () => {
    expect(ddb.update({ key: { id: 'n1' }, update: { draft: operations.remove(), body: undefined } })).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'n1' } },
      update: { expression: 'REMOVE #draft', expressionNames: { '#draft': 'draft' } },
    });
  });

  test('placeholders that would collide get a numeric suffix', () => {
    expect(ddb.update({ key: { id: 'n1' }, update: { a_b: 1, a: { b: 2 } } })).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'n1' } },
      update: {
        expression: 'SET #a_b = :a_b, #a.#b = :a_b_1',
        expressionNames: { '#a_b': 'a_b', '#a': 'a', '#b': 'b' },
        expressionValues: { ':a_b': { N: 1 }, ':a_b_1': { N: 2 } },
      },
    });
  });

  test('refuses an update that changes nothing', () => {
    expect(() => ddb.update({ key: { id: 'n1' }, update: {} })).toThrow(new DynamoDBHelperInputError('update must change at least one attribute'));
  });

  test('refuses a list of operations other than updateListItem', () => {
    expect(() => ddb.update({ key: { id: 'n1' }, update: { tags: [operations.remove()] } })).toThrow(
      new DynamoDBHelperInputError('only updateListItem operations may be listed, found remove on tags'),
    );
  });
});

describe('query', () => {
  test('a key condition with a filter, an index and paging', () => {
    expect(
      ddb.query({
        query: { spaceId: { eq: 's1' }, updatedAt: { beginsWith: '2024-' } },
        index: 'bySpace',
        limit: 20,
        nextToken: 'token',
        scanIndexForward: false,
        consistentRead: false,
        select: 'ALL_ATTRIBUTES',
        filter: { _deleted: { ne: true } },
        projection: ['id', 'title'],
      }),
    ).toEqual({
      operation: 'Query',
      query: {
        expression: '#spaceId = :spaceId_eq AND begins_with(#updatedAt,:updatedAt_beginsWith)',
        expressionNames: { '#spaceId': 'spaceId', '#updatedAt': 'updatedAt' },
        expressionValues: { ':spaceId_eq': { S: 's1' }, ':updatedAt_beginsWith': { S: '2024-' } },
      },
      index: 'bySpace',
      limit: 20,
      nextToken: 'token',
      scanIndexForward: false,
      consistentRead: false,
      select: 'ALL_ATTRIBUTES',
      filter: { expression: '(#_deleted <> :_deleted_ne)', expressionNames: { '#_deleted': '_deleted' }, expressionValues: { ':_deleted_ne': { BOOL: true } } },
      projection: { expression: '#id, #title', expressionNames: { '#id': 'id', '#title': 'title' } },
    });
  });

  test('a sort key range', () => {
    expect(ddb.query({ query: { noteId: { eq: 'n1' }, sk: { between: ['2024', '2025'] } }, limit: null })).toEqual({
      operation: 'Query',
      query: {
        expression: '#noteId = :noteId_eq AND #sk BETWEEN :sk_between_start AND :sk_between_end',
        expressionNames: { '#noteId': 'noteId', '#sk': 'sk' },
        expressionValues: { ':noteId_eq': { S: 'n1' }, ':sk_between_start': { S: '2024' }, ':sk_between_end': { S: '2025' } },
      },
    });
  });

  test('refuses an operator a key condition cannot use', () => {
    expect(() => ddb.query({ query: { id: { contains: 'x' } } })).toThrow(new DynamoDBHelperInputError('contains is not a key condition operator (on id, with "x")'));
  });
});

describe('scan and sync', () => {
  test('scan with segments', () => {
    expect(ddb.scan({ index: 'byUser', limit: 10, totalSegments: 4, segment: 1, filter: { role: { eq: 'OWNER' } } })).toEqual({
      operation: 'Scan',
      index: 'byUser',
      limit: 10,
      totalSegments: 4,
      segment: 1,
      filter: { expression: '(#role = :role_eq)', expressionNames: { '#role': 'role' }, expressionValues: { ':role_eq': { S: 'OWNER' } } },
    });
  });

  // Field names of DynamoDBSyncRequest:
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
  test('sync from a last sync time', () => {
    expect(ddb.sync({ limit: 100, nextToken: undefined, lastSync: 1700000000000, basePartitionKey: 'spaceId', deltaIndexName: 'byDelta' })).toEqual({
      operation: 'Sync',
      limit: 100,
      lastSync: 1700000000000,
      basePartitionKey: 'spaceId',
      deltaIndexName: 'byDelta',
    });
  });
});

describe('batch requests', () => {
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
  test('batchGet', () => {
    expect(ddb.batchGet({ tables: { Users: { keys: [{ id: 'u1' }, { id: 'u2' }], consistentRead: true, projection: ['id', 'handle'] } } })).toEqual({
      operation: 'BatchGetItem',
      tables: {
        Users: {
          keys: [{ id: { S: 'u1' } }, { id: { S: 'u2' } }],
          consistentRead: true,
          projection: { expression: '#id, #handle', expressionNames: { '#id': 'id', '#handle': 'handle' } },
        },
      },
    });
  });

  test('batchPut', () => {
    expect(ddb.batchPut({ tables: { Devices: [{ userId: 'u1', deviceId: 'd1', platform: 'ios' }] } })).toEqual({
      operation: 'BatchPutItem',
      tables: { Devices: [{ userId: { S: 'u1' }, deviceId: { S: 'd1' }, platform: { S: 'ios' } }] },
    });
  });

  test('batchDelete', () => {
    expect(ddb.batchDelete({ tables: { Memberships: [{ spaceId: 's1', userId: 'u1' }], Devices: [{ userId: 'u1', deviceId: 'd1' }] } })).toEqual({
      operation: 'BatchDeleteItem',
      tables: { Memberships: [{ spaceId: { S: 's1' }, userId: { S: 'u1' } }], Devices: [{ userId: { S: 'u1' }, deviceId: { S: 'd1' } }] },
    });
  });

  test('refuses tables that are not a map', () => {
    expect(() => ddb.batchPut({ tables: [] })).toThrow(new DynamoDBHelperInputError('batchPut expects tables, a map of table names, received []'));
  });
});

describe('transactions', () => {
  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html
  test('transactGet', () => {
    expect(ddb.transactGet({ items: [{ table: 'Users', key: { id: 'u1' }, projection: ['handle'] }, { table: 'Handles', key: { handle: 'ada' } }] })).toEqual({
      operation: 'TransactGetItems',
      transactItems: [
        { table: 'Users', key: { id: { S: 'u1' } }, projection: { expression: '#handle', expressionNames: { '#handle': 'handle' } } },
        { table: 'Handles', key: { handle: { S: 'ada' } } },
      ],
    });
  });

  // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
  test('transactWrite: claiming a handle', () => {
    expect(
      ddb.transactWrite({
        items: [
          { putItem: { table: 'Handles', key: { handle: 'ada' }, item: { userId: 'u1' }, condition: { handle: { attributeExists: false } } } },
          { updateItem: { table: 'Users', key: { id: 'u1' }, update: { handle: 'ada' } } },
          { deleteItem: { table: 'Handles', key: { handle: 'old' }, condition: { userId: { eq: 'u1' } } } },
          { conditionCheck: { table: 'Users', key: { id: 'u1' }, condition: { id: { attributeExists: true } } } },
        ],
      }),
    ).toEqual({
      operation: 'TransactWriteItems',
      transactItems: [
        {
          table: 'Handles',
          operation: 'PutItem',
          key: { handle: { S: 'ada' } },
          attributeValues: { userId: { S: 'u1' } },
          condition: { expression: '(attribute_not_exists(#handle))', expressionNames: { '#handle': 'handle' }, expressionValues: {} },
        },
        {
          table: 'Users',
          operation: 'UpdateItem',
          key: { id: { S: 'u1' } },
          update: { expression: 'SET #handle = :handle', expressionNames: { '#handle': 'handle' }, expressionValues: { ':handle': { S: 'ada' } } },
        },
        {
          table: 'Handles',
          operation: 'DeleteItem',
          key: { handle: { S: 'old' } },
          condition: { expression: '(#userId = :userId_eq)', expressionNames: { '#userId': 'userId' }, expressionValues: { ':userId_eq': { S: 'u1' } } },
        },
        {
          table: 'Users',
          operation: 'ConditionCheck',
          key: { id: { S: 'u1' } },
          condition: { expression: '(attribute_exists(#id))', expressionNames: { '#id': 'id' }, expressionValues: {} },
        },
      ],
    });
  });

  test('refuses an item that holds two writes', () => {
    expect(() =>
      ddb.transactWrite({ items: [{ putItem: { table: 'T', key: { id: 1 }, item: {} }, deleteItem: { table: 'T', key: { id: 1 } } }] }),
    ).toThrow(new DynamoDBHelperInputError('transactWrite item 0 must hold exactly one of putItem, updateItem, deleteItem, conditionCheck, found putItem, deleteItem'));
  });

  test('refuses a condition check without a condition', () => {
    expect(() => ddb.transactWrite({ items: [{ conditionCheck: { table: 'Users', key: { id: 'u1' } } }] })).toThrow(
      new DynamoDBHelperInputError('transactWrite conditionCheck 0 needs a condition'),
    );
  });
});

describe('input checks', () => {
  test.each<[string, () => unknown, string]>([
    ['get without a payload', () => (ddb.get as (input?: unknown) => unknown)(), 'get expects an object, received undefined'],
    ['get without a key', () => ddb.get({}), 'get key must be an object, received undefined'],
    ['a projection that is not a list', () => ddb.get({ key: { id: 1 }, projection: 'id' }), 'projection must be a list of attribute paths, received "id"'],
    ['a projection path with an empty segment', () => ddb.get({ key: { id: 1 }, projection: ['a..b'] }), 'projection path "a..b" is not an attribute path'],
    ['a query without a key condition', () => ddb.query({}), 'query must name the key attributes to match, received undefined'],
    ['transactGet without a table', () => ddb.transactGet({ items: [{ key: { id: 1 } }] }), 'transactGet item 0 needs a table name, received undefined'],
  ])('%s', (_name, call, message) => {
    expect(call).toThrow(new DynamoDBHelperInputError(message));
  });
});
