// Single-item operations, Query and Scan, and invalid requests, against real DynamoDB Local.
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ManualClock } from '../../services/clock';
import { createDynamoDbDataSource, type DynamoDbDataSource } from './data-source';
import { createTable, startLocalDynamoDb, type LocalDynamoDb } from './testing/local-tables';

jest.setTimeout(120_000);

const CONDITION_FAILED = 'The conditional request failed (Service: DynamoDb, Status Code: 400)';

describe('DynamoDB data source: single items, Query, Scan', () => {
  let local: LocalDynamoDb;
  let notes: DynamoDbDataSource;
  let comments: DynamoDbDataSource;

  beforeAll(async () => {
    local = await startLocalDynamoDb();
    await createTable(local.client, { name: 'Notes', hashKey: 'id' });
    await createTable(local.client, {
      name: 'Comments',
      hashKey: 'noteId',
      rangeKey: 'sk',
      indexes: [{ name: 'byAuthor', hashKey: 'authorId', rangeKey: 'sk' }],
    });
    const clock = new ManualClock(new Date('2026-03-01T09:30:00.000Z'));
    notes = createDynamoDbDataSource({ client: local.client, tableName: 'Notes', clock });
    comments = createDynamoDbDataSource({ client: local.client, tableName: 'Comments', clock });
    for (const [noteId, sk, authorId, body] of [
      ['n1', 'c1', 'ana', 'first'],
      ['n1', 'c2', 'bo', 'second'],
      ['n1', 'c3', 'ana', 'third'],
      ['n1', 'c4', 'ana', 'fourth'],
      ['n1', 'c5', 'bo', 'fifth'],
      ['n2', 'c1', 'ana', 'other note'],
    ]) {
      await local.client.send(
        new PutItemCommand({ TableName: 'Comments', Item: { noteId: { S: noteId }, sk: { S: sk }, authorId: { S: authorId }, body: { S: body } } }),
      );
    }
  });

  afterAll(async () => {
    await local?.stop();
  });

  describe('GetItem and PutItem', () => {
    it('puts typed values and gets them back as plain JSON', async () => {
      // Type system (response mapping): numbers, booleans, null, lists, maps; sets become lists,
      // binary becomes base64. https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html
      const put = await notes.invoke({
        operation: 'PutItem',
        key: { id: { S: 'typed' } },
        attributeValues: {
          title: { S: 'Field day' },
          count: { N: 3 },
          ratio: { N: '0.5' },
          done: { BOOL: false },
          missing: { NULL: true },
          checklist: { L: [{ S: 'boots' }, { N: 2 }] },
          meta: { M: { color: { S: 'green' }, pinned: { BOOL: true } } },
          tags: { SS: ['field'] },
          scores: { NS: [7] },
          blob: { B: 'aGk=' },
        },
      });
      const item = {
        id: 'typed',
        title: 'Field day',
        count: 3,
        ratio: 0.5,
        done: false,
        missing: null,
        checklist: ['boots', 2],
        meta: { color: 'green', pinned: true },
        tags: ['field'],
        scores: [7],
        blob: 'aGk=',
      };
      expect(put).toEqual({ result: item });
      expect(await notes.invoke({ operation: 'GetItem', key: { id: { S: 'typed' } }, consistentRead: true })).toEqual({ result: item });
    });

    it('gets null for a missing item and only the projected attributes with a projection', async () => {
      expect(await notes.invoke({ operation: 'GetItem', key: { id: { S: 'nope' } } })).toEqual({ result: null });
      expect(
        await notes.invoke({
          operation: 'GetItem',
          key: { id: { S: 'typed' } },
          projection: { expression: '#t, #c', expressionNames: { '#t': 'title', '#c': 'count' } },
        }),
      ).toEqual({ result: { title: 'Field day', count: 3 } });
    });

    it('rejects a failed PutItem condition with the current item in ctx.result', async () => {
      await notes.invoke({ operation: 'PutItem', key: { id: { S: 'p1' } }, attributeValues: { title: { S: 'server' }, version: { N: 8 } } });
      // "Following the reject strategy": ctx.error is DynamoDB:ConditionalCheckFailedException and
      // response() reads the current item from ctx.result.
      // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html
      expect(
        await notes.invoke({
          operation: 'PutItem',
          key: { id: { S: 'p1' } },
          attributeValues: { title: { S: 'client' }, version: { N: 2 } },
          condition: { expression: 'version = :expected', expressionValues: { ':expected': { N: 1 } } },
        }),
      ).toEqual({
        error: { message: CONDITION_FAILED, type: 'DynamoDB:ConditionalCheckFailedException' },
        result: { id: 'p1', title: 'server', version: 8 },
      });
    });

    it('treats a failed PutItem condition as success when the current item already equals the write, minus equalsIgnore', async () => {
      // "Checking for the desired result" with equalsIgnore: ['version'] (same docs page).
      expect(
        await notes.invoke({
          operation: 'PutItem',
          key: { id: { S: 'p1' } },
          attributeValues: { title: { S: 'server' }, version: { N: 2 } },
          condition: { expression: 'version = :expected', expressionValues: { ':expected': { N: 1 } }, equalsIgnore: ['version'] },
        }),
      ).toEqual({ result: { id: 'p1', title: 'server', version: 8 } });
    });

    it('reports the Custom strategy, which needs Lambda, as unsupported instead of rejecting silently', async () => {
      expect(
        await notes.invoke({
          operation: 'PutItem',
          key: { id: { S: 'p1' } },
          attributeValues: { title: { S: 'client' } },
          condition: {
            expression: 'attribute_not_exists(id)',
            conditionalCheckFailedHandler: { strategy: 'Custom', lambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:handler' },
          },
        }),
      ).toEqual({
        error: {
          type: 'UnsupportedOperation',
          message: 'The Custom conditionalCheckFailedHandler invokes a Lambda function, which Outpost Local does not do; use the Reject strategy.',
        },
        result: { id: 'p1', title: 'server', version: 8 },
      });
    });
  });

  describe('UpdateItem and DeleteItem', () => {
    it('updates and returns the whole new item', async () => {
      await notes.invoke({ operation: 'PutItem', key: { id: { S: 'u1' } }, attributeValues: { upvotes: { N: 1 }, title: { S: 'old' } } });
      // The upvote example of https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
      expect(
        await notes.invoke({
          operation: 'UpdateItem',
          key: { id: { S: 'u1' } },
          update: {
            expression: 'ADD #votefield :plusOne SET title = :title REMOVE obsolete',
            expressionNames: { '#votefield': 'upvotes' },
            expressionValues: { ':plusOne': { N: 1 }, ':title': { S: 'new' } },
          },
        }),
      ).toEqual({ result: { id: 'u1', upvotes: 2, title: 'new' } });
    });

    it('rejects a failed UpdateItem condition with the current item', async () => {
      // UpdateItem never counts a failed condition as success (condition expressions docs).
      expect(
        await notes.invoke({
          operation: 'UpdateItem',
          key: { id: { S: 'u1' } },
          update: { expression: 'SET title = :title', expressionValues: { ':title': { S: 'newer' } } },
          condition: { expression: 'upvotes > :min', expressionValues: { ':min': { N: 10 } } },
        }),
      ).toEqual({
        error: { message: CONDITION_FAILED, type: 'DynamoDB:ConditionalCheckFailedException' },
        result: { id: 'u1', upvotes: 2, title: 'new' },
      });
    });

    it('deletes and returns the deleted item; deleting nothing returns null', async () => {
      expect(await notes.invoke({ operation: 'DeleteItem', key: { id: { S: 'u1' } } })).toEqual({ result: { id: 'u1', upvotes: 2, title: 'new' } });
      expect(await notes.invoke({ operation: 'DeleteItem', key: { id: { S: 'u1' } } })).toEqual({ result: null });
    });

    it('counts a failed DeleteItem condition as success when the item is already gone', async () => {
      // "For the DeleteItem operation ... If no item was returned, it treats the operation as successful."
      expect(
        await notes.invoke({ operation: 'DeleteItem', key: { id: { S: 'gone' } }, condition: { expression: 'attribute_exists(id)' } }),
      ).toEqual({ result: null });
    });

    it('rejects a failed DeleteItem condition on an existing item', async () => {
      expect(
        await notes.invoke({
          operation: 'DeleteItem',
          key: { id: { S: 'p1' } },
          condition: { expression: 'version = :v', expressionValues: { ':v': { N: 1 } } },
        }),
      ).toEqual({
        error: { message: CONDITION_FAILED, type: 'DynamoDB:ConditionalCheckFailedException' },
        result: { id: 'p1', title: 'server', version: 8 },
      });
    });
  });

  describe('Query and Scan', () => {
    it('pages through a query with nextToken and returns { items, nextToken, scannedCount }', async () => {
      // Result shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
      const request = {
        operation: 'Query',
        query: { expression: 'noteId = :noteId', expressionValues: { ':noteId': { S: 'n1' } } },
        limit: 2,
      };
      const first = await comments.invoke(request);
      const firstToken = (first as { result: { nextToken: string } }).result.nextToken;
      expect(first).toEqual({
        result: {
          items: [
            { noteId: 'n1', sk: 'c1', authorId: 'ana', body: 'first' },
            { noteId: 'n1', sk: 'c2', authorId: 'bo', body: 'second' },
          ],
          nextToken: firstToken,
          scannedCount: 2,
        },
      });
      expect(typeof firstToken).toBe('string');
      const second = await comments.invoke({ ...request, nextToken: firstToken });
      const secondToken = (second as { result: { nextToken: string } }).result.nextToken;
      expect(second).toEqual({
        result: {
          items: [
            { noteId: 'n1', sk: 'c3', authorId: 'ana', body: 'third' },
            { noteId: 'n1', sk: 'c4', authorId: 'ana', body: 'fourth' },
          ],
          nextToken: secondToken,
          scannedCount: 2,
        },
      });
      expect(await comments.invoke({ ...request, nextToken: secondToken })).toEqual({
        result: { items: [{ noteId: 'n1', sk: 'c5', authorId: 'bo', body: 'fifth' }], nextToken: null, scannedCount: 1 },
      });
    });

    it('queries an index backwards with a filter; scannedCount counts before the filter', async () => {
      expect(
        await comments.invoke({
          operation: 'Query',
          index: 'byAuthor',
          query: { expression: '#a = :a', expressionNames: { '#a': 'authorId' }, expressionValues: { ':a': { S: 'ana' } } },
          filter: { expression: 'noteId = :n', expressionValues: { ':n': { S: 'n1' } } },
          scanIndexForward: false,
          projection: { expression: 'sk, body' },
        }),
      ).toEqual({
        result: {
          items: [
            { sk: 'c4', body: 'fourth' },
            { sk: 'c3', body: 'third' },
            { sk: 'c1', body: 'first' },
          ],
          nextToken: null,
          scannedCount: 4,
        },
      });
    });

    it("refuses a nextToken that is not one, or that another index issued, with AppSync's error", async () => {
      // AppSync's answer to a token it cannot use: https://github.com/aws-amplify/amplify-hosting/issues/433
      const invalidToken = {
        error: {
          type: 'DynamoDB:UserIllegalArgumentException',
          message: 'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
        },
      };
      const request = { operation: 'Query', query: { expression: 'noteId = :n', expressionValues: { ':n': { S: 'n1' } } }, limit: 1 };
      expect(await comments.invoke({ ...request, nextToken: 'not a token' })).toEqual(invalidToken);
      const page = (await comments.invoke(request)) as { result: { nextToken: string } };
      expect(
        await comments.invoke({
          operation: 'Query',
          index: 'byAuthor',
          query: { expression: 'authorId = :a', expressionValues: { ':a': { S: 'ana' } } },
          nextToken: page.result.nextToken,
        }),
      ).toEqual(invalidToken);
      expect(await comments.invoke({ operation: 'Scan', nextToken: page.result.nextToken })).toEqual(invalidToken);
    });

    it('pages through a scan with a filter; scannedCount counts before the filter', async () => {
      const request = { operation: 'Scan', limit: 4, filter: { expression: 'authorId = :a', expressionValues: { ':a': { S: 'bo' } } } };
      const first = await comments.invoke(request);
      const token = (first as { result: { nextToken: string } }).result.nextToken;
      expect(first).toEqual({
        result: { items: [{ noteId: 'n1', sk: 'c2', authorId: 'bo', body: 'second' }], nextToken: token, scannedCount: 4 },
      });
      expect(await comments.invoke({ ...request, nextToken: token })).toEqual({
        result: { items: [{ noteId: 'n1', sk: 'c5', authorId: 'bo', body: 'fifth' }], nextToken: null, scannedCount: 2 },
      });
    });
  });

  describe('invalid requests', () => {
    // AppSync reports request objects it cannot use as errorType MappingTemplate:
    // https://github.com/aws/aws-appsync-community/issues/100
    it.each([
      ['not an object', 'GetItem', { error: { type: 'MappingTemplate', message: "Expected JSON object for '$' but got 'STRING' instead." } }],
      ['no operation', {}, { error: { type: 'MappingTemplate', message: "Value for field '$[operation]' not found." } }],
      ['an unknown operation', { operation: 'Upsert' }, { error: { type: 'MappingTemplate', message: "Unsupported operation 'Upsert'." } }],
      ['no key', { operation: 'GetItem' }, { error: { type: 'MappingTemplate', message: "Value for field '$[key]' not found." } }],
      [
        'an untyped key',
        { operation: 'GetItem', key: { id: 'n1' } },
        {
          error: {
            type: 'MappingTemplate',
            message: `Unable to parse the typed value at '$[key][id]': expected a typed value such as { "S": "text" }, got "n1".`,
          },
        },
      ],
      [
        'a number that is not one',
        { operation: 'PutItem', key: { id: { S: 'x' } }, attributeValues: { count: { N: 'many' } } },
        { error: { type: 'MappingTemplate', message: `Unable to parse the typed value at '$[attributeValues][count][N]': expected a number, got "many".` } },
      ],
      [
        // A field the operation does not take fails in AppSync: https://github.com/little-bear-labs/aws-utils/issues/153
        'a field Scan does not take',
        { operation: 'Scan', scanIndexForward: false },
        { error: { type: 'MappingTemplate', message: "Unsupported field(s) '$[scanIndexForward]'." } },
      ],
      [
        'a _version on a data source without versioning',
        { operation: 'PutItem', key: { id: { S: 'x' } }, _version: 1 },
        { error: { type: 'MappingTemplate', message: "'$[_version]' is only supported on versioned data sources." } },
      ],
      [
        'a delta sync option Outpost Local does not implement',
        { operation: 'PutItem', key: { id: { S: 'x' } }, customPartitionKey: 'id' },
        { error: { type: 'UnsupportedOperation', message: "Outpost Local does not support 'customPartitionKey' in PutItem." } },
      ],
      [
        'Sync on a data source without versioning',
        { operation: 'Sync' },
        // "Sync requests can only be made to versioned DynamoDB data sources."
        // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
        { error: { type: 'UnsupportedOperation', message: 'Sync requests can only be made to versioned DynamoDB data sources.' } },
      ],
    ])('reports %s', async (_name, request, outcome) => {
      expect(await notes.invoke(request)).toEqual(outcome);
    });

    it('passes DynamoDB validation errors on as DynamoDB:<exception>', async () => {
      expect(await notes.invoke({ operation: 'GetItem', key: { title: { S: 'x' } } })).toEqual({
        error: { type: 'DynamoDB:ValidationException', message: 'One of the required keys was not given a value (Service: DynamoDb, Status Code: 400)' },
      });
    });
  });
});
