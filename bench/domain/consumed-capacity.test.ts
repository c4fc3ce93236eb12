// The meter against DynamoDB Local through the real SDK client: what one of each kind of command
// consumes, whole.
import { CreateTableCommand, GetItemCommand, PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient, startDynamoDbLocal, type DynamoDbLocalHandle } from '../../local/services/dynamodb-local';
import { CapacityMeter, meteredDynamoDbClient } from './consumed-capacity';

jest.setTimeout(60_000);

let dynamodb: DynamoDbLocalHandle;

beforeAll(async () => {
  dynamodb = await startDynamoDbLocal({ inMemory: true, log: () => undefined });
});

afterAll(async () => {
  await dynamodb.stop();
});

it('adds up reported capacity per table, transactions at two units per item, a failed condition at one write unit', async () => {
  const meter = new CapacityMeter();
  const client = meteredDynamoDbClient(dynamodb.endpoint, meter);
  const admin = localDynamoDbClient(dynamodb.endpoint);
  try {
    for (const name of ['Profiles', 'Claims']) {
      await admin.send(
        new CreateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }),
      );
    }
    await client.send(new PutItemCommand({ TableName: 'Profiles', Item: { id: { S: 'a' }, seen: { N: '1' } } }));
    await client.send(new GetItemCommand({ TableName: 'Profiles', Key: { id: { S: 'a' } }, ConsistentRead: true }));
    await client.send(new GetItemCommand({ TableName: 'Profiles', Key: { id: { S: 'a' } } }));
    const failure = await client
      .send(new UpdateItemCommand({ TableName: 'Profiles', Key: { id: { S: 'a' } }, UpdateExpression: 'SET seen = :two', ConditionExpression: 'seen > :one', ExpressionAttributeValues: { ':one': { N: '1' }, ':two': { N: '2' } } }))
      .then(
        () => 'written',
        (error: Error) => error.name,
      );
    await client.send(
      new TransactWriteItemsCommand({
        TransactItems: [{ Put: { TableName: 'Profiles', Item: { id: { S: 'b' } } } }, { Put: { TableName: 'Claims', Item: { id: { S: 'b-claim' } } } }],
      }),
    );
    // DynamoDB's units: a small write 1, a consistent read 1, an eventual read 0.5, a failed
    // conditional write 1, a transactional write 2 per item:
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
    expect({ failure, consumed: meter.take() }).toEqual({
      failure: 'ConditionalCheckFailedException',
      consumed: { rcu: 1.5, wcu: 6, failedConditionWcu: 1, byTable: { Profiles: { rcu: 1.5, wcu: 4 }, Claims: { rcu: 0, wcu: 2 } } },
    });
  } finally {
    client.destroy();
    admin.destroy();
  }
});
