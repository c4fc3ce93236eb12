// DynamoDB Local serves the DynamoDB Streams API on its one endpoint. The project has no
// @aws-sdk/client-dynamodb-streams, so this test speaks the Streams JSON protocol directly, as that client would:
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html
import { CreateTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from './readiness';
import { startDynamoDbLocal, type DynamoDbLocalHandle } from './service';

jest.setTimeout(120_000);

async function streamsCall(endpoint: string, action: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${action}`,
      // DynamoDB Local reads the credential scope but does not check the signature.
      authorization: 'AWS4-HMAC-SHA256 Credential=outpost/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('DynamoDB Local streams', () => {
  let handle: DynamoDbLocalHandle | undefined;
  afterAll(async () => {
    await handle?.stop();
  });

  it('serves DescribeStream, GetShardIterator and GetRecords for a table with a stream', async () => {
    handle = await startDynamoDbLocal({ inMemory: true, log: () => undefined });
    const client = localDynamoDbClient(handle.endpoint);
    try {
      const table = await client.send(
        new CreateTableCommand({
          TableName: 'Notes',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
        }),
      );
      await client.send(new PutItemCommand({ TableName: 'Notes', Item: { id: { S: 'n1' }, title: { S: 'Field day' } } }));
      const streamArn = table.TableDescription?.LatestStreamArn as string;

      const described = await streamsCall(handle.endpoint, 'DescribeStream', { StreamArn: streamArn });
      const shards = (described.StreamDescription as { Shards: { ShardId: string }[] }).Shards;
      const iterator = await streamsCall(handle.endpoint, 'GetShardIterator', {
        StreamArn: streamArn,
        ShardId: shards[0]?.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      });
      const records = await streamsCall(handle.endpoint, 'GetRecords', { ShardIterator: iterator.ShardIterator });

      expect({ described, records }).toEqual({
        described: {
          StreamDescription: {
            StreamArn: streamArn,
            StreamLabel: expect.any(String),
            StreamStatus: 'ENABLED',
            StreamViewType: 'NEW_AND_OLD_IMAGES',
            CreationRequestDateTime: expect.any(Number),
            TableName: 'Notes',
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            Shards: [{ ShardId: expect.any(String), SequenceNumberRange: { StartingSequenceNumber: '000000000000000000001' } }],
          },
        },
        records: {
          Records: [
            {
              eventID: expect.any(String),
              eventName: 'INSERT',
              eventVersion: '1.1',
              eventSource: 'aws:dynamodb',
              awsRegion: 'ddblocal',
              dynamodb: {
                ApproximateCreationDateTime: expect.any(Number),
                Keys: { id: { S: 'n1' } },
                NewImage: { id: { S: 'n1' }, title: { S: 'Field day' } },
                SequenceNumber: '000000000000000000001',
                SizeBytes: 22,
                StreamViewType: 'NEW_AND_OLD_IMAGES',
              },
            },
          ],
          NextShardIterator: expect.any(String),
        },
      });
    } finally {
      client.destroy();
    }
  });
});
