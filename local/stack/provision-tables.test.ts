import { DescribeTableCommand, DescribeTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TableModel } from '../cloud-assembly';
import { localDynamoDbClient, startDynamoDbLocal, type DynamoDbLocalHandle } from '../services/dynamodb-local';
import { provisionTables, TableChangeNeedsResetError } from './provision-tables';

const notes: TableModel = {
  logicalId: 'NotesTable',
  tableName: 'Notes',
  tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Notes',
  streamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Notes/stream/local',
  keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
  attributeDefinitions: [
    { attributeName: 'id', attributeType: 'S' },
    { attributeName: 'spaceId', attributeType: 'S' },
    { attributeName: 'updatedAt', attributeType: 'S' },
  ],
  gsis: [
    {
      indexName: 'bySpace',
      keySchema: [
        { attributeName: 'spaceId', keyType: 'HASH' },
        { attributeName: 'updatedAt', keyType: 'RANGE' },
      ],
      projection: { projectionType: 'ALL', nonKeyAttributes: [] },
    },
  ],
  lsis: [],
  ttlAttribute: 'expiresAt',
  streamViewType: 'NEW_AND_OLD_IMAGES',
  billingMode: 'PAY_PER_REQUEST',
};

describe('provisionTables against DynamoDB Local', () => {
  let ddb: DynamoDbLocalHandle;
  let client: DynamoDBClient;
  const lines: string[] = [];
  const options = { log: (line: string) => lines.push(line) };

  beforeAll(async () => {
    ddb = await startDynamoDbLocal({ inMemory: true, log: () => undefined });
    client = localDynamoDbClient(ddb.endpoint);
  }, 90_000);
  afterAll(async () => {
    client?.destroy();
    await ddb?.stop();
  });

  async function shape(tableName: string) {
    const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
    const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }))).TimeToLiveDescription;
    return {
      keys: table.KeySchema,
      gsis: (table.GlobalSecondaryIndexes ?? []).map((index) => ({ name: index.IndexName, keys: index.KeySchema })),
      stream: table.StreamSpecification,
      ttl: { status: ttl?.TimeToLiveStatus, attribute: ttl?.AttributeName },
    };
  }

  it('creates a table with its keys, GSI, stream and TTL, then leaves it alone on the next start', async () => {
    expect(await provisionTables(client, [notes], options)).toEqual({ Notes: 'created' });
    expect(await provisionTables(client, [notes], options)).toEqual({ Notes: 'unchanged' });
    expect(await shape('Notes')).toEqual({
      keys: [{ AttributeName: 'id', KeyType: 'HASH' }],
      gsis: [{ name: 'bySpace', keys: [{ AttributeName: 'spaceId', KeyType: 'HASH' }, { AttributeName: 'updatedAt', KeyType: 'RANGE' }] }],
      stream: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      ttl: { status: 'ENABLED', attribute: 'expiresAt' },
    });
  });

  it('adds a GSI that the template gained, without touching the data', async () => {
    const withAuthorIndex: TableModel = {
      ...notes,
      attributeDefinitions: [...notes.attributeDefinitions, { attributeName: 'authorId', attributeType: 'S' }],
      gsis: [...notes.gsis, { indexName: 'byAuthor', keySchema: [{ attributeName: 'authorId', keyType: 'HASH' }], projection: { projectionType: 'KEYS_ONLY', nonKeyAttributes: [] } }],
    };
    lines.length = 0;
    expect(await provisionTables(client, [withAuthorIndex], options)).toEqual({ Notes: 'updated' });
    expect(lines).toEqual(['tables: Notes: added GSI byAuthor']);
    expect((await shape('Notes')).gsis.map((index) => index.name).sort()).toEqual(['byAuthor', 'bySpace']);
  });

  it('refuses a primary-key change with a message that asks for --reset', async () => {
    const rekeyed: TableModel = { ...notes, keySchema: [{ attributeName: 'spaceId', keyType: 'HASH' }, { attributeName: 'id', keyType: 'RANGE' }] };
    await expect(provisionTables(client, [rekeyed], options)).rejects.toEqual(
      new TableChangeNeedsResetError('Notes', 'its primary key changed from id:HASH to spaceId:HASH,id:RANGE'),
    );
    await expect(provisionTables(client, [rekeyed], options)).rejects.toThrow(
      'Table Notes: its primary key changed from id:HASH to spaceId:HASH,id:RANGE. That change would lose data; run `npm start -- --reset` to start again from empty data.',
    );
  });
});
