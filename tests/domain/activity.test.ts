// The hourly activity refresh end to end (DESIGN.md, "Inactive users expire"): authenticated
// activity moves lastActiveAt and expiresAt at most once an hour. The stack runs on an OffsetClock,
// so the test moves time the way `npx outpost ttl advance` does.
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { OffsetClock } from '../../local/services/clock';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok, postGraphql } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { createTestUser, signIn, type TestUser } from '../harness/users';

jest.setTimeout(60_000);

const clock = new OffsetClock();
const running = useLocalStack({ clock });
const HOUR_MS = 60 * 60 * 1000;
const CREATE_SPACE = 'mutation Create($input: CreateSpaceInput!) { createSpace(input: $input) { id } }';
const REGISTER = 'mutation Register($input: RegisterDeviceInput!) { registerDevice(input: $input) { deviceId } }';
const ME = 'query Me { me { id lastActiveAt expiresAt } }';

let ada: TestUser;
let token: string;

beforeAll(async () => {
  ada = await createTestUser(running().stack, 'ada@activity.example.com');
  token = (await signIn(running().stack, ada.username, ada.password)).idToken;
});

function as(query: string, variables: Record<string, unknown> = {}) {
  return postGraphql(running().stack.urls.http, { query, variables }, { headers: { authorization: token } });
}

function usersTable(): string {
  return running().stack.stack.tables.find((candidate) => candidate.logicalId.startsWith('TablesUsers'))!.tableName;
}

/** The Users row as stored (read through the AWS SDK, not the API). */
async function row(): Promise<Record<string, unknown>> {
  const client = localDynamoDbClient(running().stack.dynamodbEndpoint);
  try {
    const output = await client.send(new GetItemCommand({ TableName: usersTable(), Key: { id: { S: ada.sub } }, ConsistentRead: true }));
    return unmarshall(output.Item!);
  } finally {
    client.destroy();
  }
}

/** expiresAt for a lastActiveAt: the API's INACTIVE_USER_TTL_DAYS later, in epoch seconds. */
function expiresAtFor(lastActiveAt: unknown): number {
  const days = Number(running().stack.api.model.environmentVariables?.INACTIVE_USER_TTL_DAYS);
  return Math.floor(Date.parse(String(lastActiveAt)) / 1000) + days * 86400;
}

/** Runs `act` and checks that the row's lastActiveAt moved to the stack's time during it. */
async function refreshedBy(act: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const before = clock.now().getTime();
  await act();
  const after = clock.now().getTime();
  const current = await row();
  const at = Date.parse(String(current.lastActiveAt));
  expect(at >= before && at <= after).toBe(true);
  return current;
}

it('refreshes lastActiveAt and expiresAt once an hour, not on every request', async () => {
  // The first `me` creates the profile, active now.
  const created = await refreshedBy(() => as(ME));
  expect(created).toEqual({
    id: ada.sub,
    createdAt: created.lastActiveAt,
    updatedAt: created.lastActiveAt,
    lastActiveAt: created.lastActiveAt,
    expiresAt: expiresAtFor(created.lastActiveAt),
  });

  // Within the hour, two mutations and a `me` leave the row as it was.
  const space = await as(CREATE_SPACE, { input: { name: 'Estuary' } });
  const device = await as(REGISTER, { input: { deviceId: 'ada-phone', platform: 'IOS' } });
  const me = await as(ME);
  const spaceId = (space.body as { data: { createSpace: { id: string } } }).data.createSpace.id;
  expect({ space, device, me, row: await row() }).toEqual({
    space: ok({ data: { createSpace: { id: spaceId } } }),
    device: ok({ data: { registerDevice: { deviceId: 'ada-phone' } } }),
    me: ok({ data: { me: { id: ada.sub, lastActiveAt: created.lastActiveAt, expiresAt: created.expiresAt } } }),
    row: created,
  });

  // An hour on (a new token: the old one has expired), the first mutation refreshes, the next does not.
  clock.advance(HOUR_MS + 1000);
  token = (await signIn(running().stack, ada.username, ada.password)).idToken;
  const refreshed = await refreshedBy(() => as(CREATE_SPACE, { input: { name: 'Saltmarsh' } }));
  await as(REGISTER, { input: { deviceId: 'ada-phone', platform: 'IOS' } });
  expect({ refreshed, after: await row() }).toEqual({
    refreshed: { ...created, lastActiveAt: refreshed.lastActiveAt, expiresAt: expiresAtFor(refreshed.lastActiveAt) },
    after: { ...created, lastActiveAt: refreshed.lastActiveAt, expiresAt: expiresAtFor(refreshed.lastActiveAt) },
  });
  expect(Number(refreshed.expiresAt) - Number(created.expiresAt)).toBeGreaterThanOrEqual(3601);

  // Another hour on, `me` refreshes too, and answers with the refreshed row.
  clock.advance(HOUR_MS + 1000);
  token = (await signIn(running().stack, ada.username, ada.password)).idToken;
  let answer: unknown;
  const viaMe = await refreshedBy(async () => {
    answer = await as(ME);
  });
  expect({ answer, viaMe }).toEqual({
    answer: ok({ data: { me: { id: ada.sub, lastActiveAt: viaMe.lastActiveAt, expiresAt: expiresAtFor(viaMe.lastActiveAt) } } }),
    viaMe: { ...created, lastActiveAt: viaMe.lastActiveAt, expiresAt: expiresAtFor(viaMe.lastActiveAt) },
  });
});

it('does not create a profile from a mutation: a user without a row stays without one until `me`', async () => {
  const bea = await createTestUser(running().stack, 'bea@activity.example.com');
  const beaToken = (await signIn(running().stack, bea.username, bea.password)).idToken;
  const response = await postGraphql(
    running().stack.urls.http,
    { query: REGISTER, variables: { input: { deviceId: 'bea-phone', platform: 'ANDROID' } } },
    { headers: { authorization: beaToken } },
  );
  const { stack } = running();
  const table = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith('TablesUsers'))!.tableName;
  const client = localDynamoDbClient(stack.dynamodbEndpoint);
  try {
    const stored = await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: bea.sub } }, ConsistentRead: true }));
    expect({ response, stored: stored.Item ?? null }).toEqual({ response: ok({ data: { registerDevice: { deviceId: 'bea-phone' } } }), stored: null });
  } finally {
    client.destroy();
  }
});

it('never revives an expired profile: activity an hour on leaves it expired, for TTL and the cleanup to remove', async () => {
  // As expireUser does: expiresAt becomes now. Ada's last activity is from the test above.
  const client = localDynamoDbClient(running().stack.dynamodbEndpoint);
  const expiredAt = Math.floor(clock.now().getTime() / 1000);
  try {
    await client.send(
      new UpdateItemCommand({ TableName: usersTable(), Key: { id: { S: ada.sub } }, UpdateExpression: 'SET expiresAt = :at', ExpressionAttributeValues: { ':at': { N: String(expiredAt) } } }),
    );
  } finally {
    client.destroy();
  }
  const expired = await row();
  clock.advance(HOUR_MS + 1000);
  token = (await signIn(running().stack, ada.username, ada.password)).idToken;
  const device = await as(REGISTER, { input: { deviceId: 'ada-phone', platform: 'IOS' } });
  const me = await as(ME);
  expect({ device, me, row: await row() }).toEqual({
    device: ok({ data: { registerDevice: { deviceId: 'ada-phone' } } }),
    me: ok({ data: { me: { id: ada.sub, lastActiveAt: expired.lastActiveAt, expiresAt: expiredAt } } }),
    row: expired,
  });
});
