// The batch loader against DynamoDB Local, through the handler as Lambda calls it.
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createTable, startLocalDynamoDb, type LocalDynamoDb } from '../../local/datasources/dynamodb/testing/local-tables';
import { InvalidInputError } from '../shared/errors';
import { handler } from './handler';
import { loadProfiles, ProfilesUnavailableError } from './load-profiles';

const TABLE = 'Users-test';
let dynamodb: LocalDynamoDb;
const savedEnv = { ...process.env };

const user = (n: number) => ({ id: `user-${n}`, handle: `user_${n}`, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

beforeAll(async () => {
  dynamodb = await startLocalDynamoDb();
  await createTable(dynamodb.client, { name: TABLE, hashKey: 'id' });
  // 120 users: more than one BatchGetItem (100 keys) holds.
  for (let start = 0; start < 120; start += 25) {
    const puts = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: marshall(user(start + i)) } }));
    await dynamodb.client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: puts } }));
  }
  const endpoint = await dynamodb.client.config.endpoint?.();
  process.env.USERS_TABLE = TABLE;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'outpost';
  process.env.AWS_SECRET_ACCESS_KEY = 'outpost';
  process.env.AWS_ENDPOINT_URL_DYNAMODB = `${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}`;
}, 120_000);

afterAll(async () => {
  process.env = savedEnv;
  await dynamodb?.stop();
});

describe('user-profiles handler', () => {
  it('answers one result per payload, in order, across several BatchGetItems, with null for a missing user', async () => {
    const ids = [...Array.from({ length: 120 }, (_, i) => `user-${119 - i}`), 'user-3', 'nobody'];
    const results = await handler(ids.map((userId) => ({ userId })));
    expect(results).toEqual([...Array.from({ length: 120 }, (_, i) => user(119 - i)), user(3), null]);
  });

  it('rejects an event that is not a BatchInvoke array of { userId }', async () => {
    await expect(handler({ userId: 'user-1' })).rejects.toThrow(new InvalidInputError('Expected a BatchInvoke event: an array of { userId } payloads.'));
    await expect(handler([{ userId: 'user-1' }, { id: 'user-2' }])).rejects.toThrow(new InvalidInputError('Payload 1 has no userId string.'));
  });
});

describe('loadProfiles', () => {
  // DynamoDB Local never throttles, so the retry of UnprocessedKeys is driven by a client that does.
  const throttlingClient = (throttledCalls: number) => {
    let calls = 0;
    const sent: unknown[] = [];
    const client = {
      send: async (command: { input: { RequestItems: Record<string, { Keys: unknown[] }> } }) => {
        sent.push(command.input.RequestItems[TABLE].Keys.length);
        calls += 1;
        const keys = command.input.RequestItems[TABLE].Keys;
        if (calls <= throttledCalls) return { Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: keys } } };
        return { Responses: { [TABLE]: keys.map((key) => ({ ...(key as object), handle: { S: 'h' } })) }, UnprocessedKeys: {} };
      },
    } as unknown as DynamoDBClient;
    return { client, sent };
  };

  it('retries unprocessed keys with growing delays', async () => {
    const { client, sent } = throttlingClient(2);
    const delays: number[] = [];
    const found = await loadProfiles(['a', 'b'], { client, tableName: TABLE, sleep: async (ms) => void delays.push(ms) });
    expect({ found: Object.fromEntries(found), sent, delays }).toEqual({
      found: { a: { id: 'a', handle: 'h' }, b: { id: 'b', handle: 'h' } },
      sent: [2, 2, 2],
      delays: [50, 100],
    });
  });

  it('gives up with ProfilesUnavailable after five retries', async () => {
    const { client } = throttlingClient(100);
    await expect(loadProfiles(['a'], { client, tableName: TABLE, sleep: async () => undefined })).rejects.toThrow(
      new ProfilesUnavailableError('DynamoDB left 1 profile(s) unprocessed after 5 retries.'),
    );
  });
});
