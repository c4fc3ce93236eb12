// The caller's spaces from the Memberships byUser index, against DynamoDB Local with the table
// made from the stack's definition.
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { TABLE_DEFINITIONS } from '../../infra/lib/data/table-definitions';
import { createTable, startLocalDynamoDb, type LocalDynamoDb } from '../../local/datasources/dynamodb/testing/local-tables';
import { SearchUnavailableError } from './errors';
import { memberSpaceIds } from './memberships';

let local: LocalDynamoDb;
const definition = TABLE_DEFINITIONS.Memberships;

beforeAll(async () => {
  local = await startLocalDynamoDb();
  await createTable(local.client, {
    name: 'Memberships',
    hashKey: definition.partitionKey.name,
    rangeKey: definition.sortKey?.name,
    indexes: (definition.globalSecondaryIndexes ?? []).map((index) => ({ name: index.indexName, hashKey: index.partitionKey.name, rangeKey: index.sortKey?.name })),
  });
  const rows = [
    ...Array.from({ length: 30 }, (_, i) => ({ spaceId: `space-${String(i).padStart(2, '0')}`, userId: 'ada', role: i === 0 ? 'OWNER' : 'VIEWER', joinedAt: '2026-01-01T00:00:00.000Z' })),
    { spaceId: 'space-99', userId: 'bea', role: 'OWNER', joinedAt: '2026-01-01T00:00:00.000Z' },
  ];
  for (let start = 0; start < rows.length; start += 25) {
    const batch = rows.slice(start, start + 25).map((row) => ({ PutRequest: { Item: marshall(row) } }));
    await local.client.send(new BatchWriteItemCommand({ RequestItems: { Memberships: batch } }));
  }
}, 60_000);
afterAll(() => local.stop());

describe('memberSpaceIds', () => {
  it('lists every space the user is in, whatever the role, and no one else’s', async () => {
    expect({
      ada: await memberSpaceIds(local.client, 'Memberships', 'ada'),
      bea: await memberSpaceIds(local.client, 'Memberships', 'bea'),
      cy: await memberSpaceIds(local.client, 'Memberships', 'cy'),
    }).toEqual({
      ada: Array.from({ length: 30 }, (_, i) => `space-${String(i).padStart(2, '0')}`),
      bea: ['space-99'],
      cy: [],
    });
  });

  it('turns a failed read into SearchUnavailable, keeping the cause', async () => {
    const failure = await memberSpaceIds(local.client, 'NoSuchTable', 'ada').catch((error: unknown) => error);
    expect({ type: (failure as Error).constructor, message: (failure as Error).message, cause: ((failure as Error).cause as Error).name }).toEqual({
      type: SearchUnavailableError,
      message: 'Could not read your memberships; try again.',
      cause: 'ResourceNotFoundException',
    });
  });
});
