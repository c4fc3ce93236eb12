// Batch and transaction operations, which name their own tables, against real DynamoDB Local.
import { ManualClock } from '../../services/clock';
import { createDynamoDbDataSource, type DynamoDbDataSource } from './data-source';
import { createTable, startLocalDynamoDb, type LocalDynamoDb } from './testing/local-tables';

jest.setTimeout(120_000);

describe('DynamoDB data source: batch and transaction operations', () => {
  let local: LocalDynamoDb;
  let source: DynamoDbDataSource;

  beforeAll(async () => {
    local = await startLocalDynamoDb();
    await createTable(local.client, { name: 'Authors', hashKey: 'authorId' });
    await createTable(local.client, { name: 'Posts', hashKey: 'authorId', rangeKey: 'postId' });
    source = createDynamoDbDataSource({ client: local.client, tableName: 'Posts', clock: new ManualClock(new Date('2026-03-01T09:30:00.000Z')) });
  });

  afterAll(async () => {
    await local?.stop();
  });

  it('BatchPutItem returns the items put per table, and no unprocessed items', async () => {
    // Result shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html
    expect(
      await source.invoke({
        operation: 'BatchPutItem',
        tables: {
          Authors: [{ authorId: { S: 'a1' }, name: { S: 'Ana' } }, { authorId: { S: 'a2' }, name: { S: 'Bo' } }],
          Posts: [{ authorId: { S: 'a1' }, postId: { S: 'p1' }, title: { S: 'title' } }],
        },
      }),
    ).toEqual({
      result: {
        data: {
          Authors: [
            { authorId: 'a1', name: 'Ana' },
            { authorId: 'a2', name: 'Bo' },
          ],
          Posts: [{ authorId: 'a1', postId: 'p1', title: 'title' }],
        },
        unprocessedItems: { Authors: [], Posts: [] },
      },
    });
  });

  it('BatchGetItem answers in request order with null for missing items', async () => {
    // "If an item has not been retrieved from the table, a null element appears in the data block";
    // both the { keys } form and the docs' bare-list form of a table.
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html
    expect(
      await source.invoke({
        operation: 'BatchGetItem',
        tables: {
          Authors: { keys: [{ authorId: { S: 'a2' } }, { authorId: { S: 'nobody' } }, { authorId: { S: 'a1' } }], consistentRead: true },
          Posts: [{ authorId: { S: 'a1' }, postId: { S: 'p1' } }],
        },
      }),
    ).toEqual({
      result: {
        data: {
          Authors: [{ authorId: 'a2', name: 'Bo' }, null, { authorId: 'a1', name: 'Ana' }],
          Posts: [{ authorId: 'a1', postId: 'p1', title: 'title' }],
        },
        unprocessedKeys: { Authors: [], Posts: [] },
      },
    });
  });

  it('BatchGetItem with a projection returns only the projected attributes', async () => {
    expect(
      await source.invoke({
        operation: 'BatchGetItem',
        tables: { Authors: { keys: [{ authorId: { S: 'a1' } }, { authorId: { S: 'a2' } }], projection: { expression: '#n', expressionNames: { '#n': 'name' } } } },
      }),
    ).toEqual({ result: { data: { Authors: [{ name: 'Ana' }, { name: 'Bo' }] }, unprocessedKeys: { Authors: [] } } });
  });

  it('BatchDeleteItem returns the keys, not the deleted items', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html
    expect(await source.invoke({ operation: 'BatchDeleteItem', tables: { Authors: [{ authorId: { S: 'a2' } }] } })).toEqual({
      result: { data: { Authors: [{ authorId: 'a2' }] }, unprocessedKeys: { Authors: [] } },
    });
    expect(await source.invoke({ operation: 'BatchGetItem', tables: { Authors: [{ authorId: { S: 'a2' } }] } })).toEqual({
      result: { data: { Authors: [null] }, unprocessedKeys: { Authors: [] } },
    });
  });

  it('TransactWriteItems returns the keys in request order', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
    expect(
      await source.invoke({
        operation: 'TransactWriteItems',
        transactItems: [
          {
            table: 'Posts',
            operation: 'PutItem',
            key: { authorId: { S: 'a1' }, postId: { S: 'p2' } },
            attributeValues: { title: { S: 'second' } },
            condition: { expression: 'attribute_not_exists(postId)' },
          },
          {
            table: 'Authors',
            operation: 'UpdateItem',
            key: { authorId: { S: 'a1' } },
            update: { expression: 'SET #n = :name', expressionNames: { '#n': 'name' }, expressionValues: { ':name': { S: 'Ana B.' } } },
          },
          {
            table: 'Posts',
            operation: 'ConditionCheck',
            key: { authorId: { S: 'a1' }, postId: { S: 'p1' } },
            condition: { expression: 'attribute_exists(postId)' },
          },
        ],
      }),
    ).toEqual({
      result: {
        keys: [{ authorId: 'a1', postId: 'p2' }, { authorId: 'a1' }, { authorId: 'a1', postId: 'p1' }],
        cancellationReasons: null,
      },
    });
  });

  it('TransactWriteItems cancelled by a condition: ctx.error plus cancellationReasons with the current item', async () => {
    // "If a request item's condition check fails and you did not specify
    // returnValuesOnConditionCheckFailure to be false, the item existing in the table will be
    // retrieved and stored in item at the corresponding position of cancellationReasons"; the
    // other items get { type: 'None', message: 'None' } (same docs page).
    expect(
      await source.invoke({
        operation: 'TransactWriteItems',
        transactItems: [
          {
            table: 'Posts',
            operation: 'PutItem',
            key: { authorId: { S: 'a1' }, postId: { S: 'p1' } },
            attributeValues: { title: { S: 'overwrite' } },
            condition: { expression: 'title = :old', expressionValues: { ':old': { S: 'not the title' } } },
          },
          { table: 'Authors', operation: 'DeleteItem', key: { authorId: { S: 'a1' } } },
          {
            table: 'Authors',
            operation: 'ConditionCheck',
            key: { authorId: { S: 'a9' } },
            condition: { expression: 'attribute_exists(authorId)', returnValuesOnConditionCheckFailure: false },
          },
        ],
      }),
    ).toEqual({
      error: {
        type: 'DynamoDB:TransactionCanceledException',
        message:
          'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None, ConditionalCheckFailed] (Service: DynamoDb, Status Code: 400)',
      },
      result: {
        keys: null,
        cancellationReasons: [
          { item: { authorId: 'a1', postId: 'p1', title: 'title' }, type: 'ConditionalCheckFailed', message: 'The conditional request failed' },
          { type: 'None', message: 'None' },
          // DynamoDB Local's wording, with its full stop.
          { type: 'ConditionalCheckFailed', message: 'The conditional request failed.' },
        ],
      },
    });
    // All or nothing: the post was not overwritten.
    expect(await source.invoke({ operation: 'GetItem', key: { authorId: { S: 'a1' }, postId: { S: 'p1' } } })).toEqual({
      result: { authorId: 'a1', postId: 'p1', title: 'title' },
    });
  });

  it('TransactGetItems returns the items in request order with null for missing ones', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html
    expect(
      await source.invoke({
        operation: 'TransactGetItems',
        transactItems: [
          { table: 'Posts', key: { authorId: { S: 'a1' }, postId: { S: 'p2' } } },
          { table: 'Authors', key: { authorId: { S: 'nobody' } } },
          { table: 'Authors', key: { authorId: { S: 'a1' } }, projection: { expression: '#n', expressionNames: { '#n': 'name' } } },
        ],
      }),
    ).toEqual({ result: { items: [{ authorId: 'a1', postId: 'p2', title: 'second' }, null, { name: 'Ana B.' }], cancellationReasons: null } });
  });

  it.each([
    [
      'an empty transactItems',
      { operation: 'TransactGetItems', transactItems: [] },
      { error: { type: 'MappingTemplate', message: "At least one request item must be provided in '$[transactItems]'." } },
    ],
    [
      'an unknown transaction operation',
      { operation: 'TransactWriteItems', transactItems: [{ table: 'Posts', operation: 'Upsert', key: { authorId: { S: 'a1' } } }] },
      {
        error: {
          type: 'MappingTemplate',
          message: "'$[transactItems][0][operation]' must be PutItem, UpdateItem, DeleteItem or ConditionCheck, got 'Upsert'.",
        },
      },
    ],
    [
      'a ConditionCheck without a condition',
      { operation: 'TransactWriteItems', transactItems: [{ table: 'Posts', operation: 'ConditionCheck', key: { authorId: { S: 'a1' } } }] },
      { error: { type: 'MappingTemplate', message: "Value for field '$[transactItems][0][condition]' not found." } },
    ],
    ['no tables', { operation: 'BatchPutItem', tables: {} }, { error: { type: 'MappingTemplate', message: "At least one table must be provided in '$[tables]'." } }],
    [
      'a table that is not a list',
      { operation: 'BatchDeleteItem', tables: { Authors: { authorId: { S: 'a1' } } } },
      { error: { type: 'MappingTemplate', message: "Expected JSON array for '$[tables][Authors]'." } },
    ],
  ])('reports %s as a MappingTemplate error', async (_name, request, outcome) => {
    expect(await source.invoke(request)).toEqual(outcome);
  });
});
