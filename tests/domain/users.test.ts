// User lookups end to end, as signed-in users of the real user pool: another user's public profile
// by id and by handle, nothing for a missing or expired user, and the caller's own `me` untouched
// by expiry.
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import { createTestUser, type TestUser } from '../harness/users';

jest.setTimeout(60_000);

const running = useLocalStack();
const { signUp, as, data } = signedInClient(running);
const PUBLIC_FIELDS = 'id handle displayName bio avatar lastActiveAt expiresAt createdAt updatedAt';
const USER = `query User($id: ID!) { user(id: $id) { ${PUBLIC_FIELDS} } }`;
const BY_HANDLE = `query ByHandle($handle: String!) { userByHandle(handle: $handle) { ${PUBLIC_FIELDS} } }`;
const ME = `query Me { me { ${PUBLIC_FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdateProfileInput!) { updateProfile(input: $input) { ${PUBLIC_FIELDS} } }`;

type Profile = { id: string; handle: string | null; createdAt: string; updatedAt: string; lastActiveAt: string; expiresAt: number };

let ada: TestUser;
let bea: TestUser;
let cy: TestUser;
let beaProfile: Profile;

beforeAll(async () => {
  ada = await signUp('ada@users.example.com');
  bea = await signUp('bea@users.example.com');
  beaProfile = (await data<{ updateProfile: Profile }>(bea, UPDATE, { input: { handle: 'Bea_Birds', displayName: 'Bea', bio: 'Waders, mostly.' } })).updateProfile;
  // cy exists in Cognito only: no profile row until their first `me`.
  cy = await createTestUser(running().stack, 'cy@users.example.com');
});

function fieldError(query: string, field: string, errorType: string, message: string) {
  // util.error becomes a field error with that errorType; a nullable field that fails is null
  // (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
  return ok({
    data: { [field]: null },
    errors: [{ path: [field], data: null, errorType, errorInfo: null, locations: [{ line: 1, column: query.indexOf(`${field}(`) + 1, sourceName: null }], message }],
  });
}

/** Sets a profile's expiresAt directly in the table, as time passing would, before the TTL deletes it. */
async function setExpiresAt(userId: string, expiresAt: number): Promise<void> {
  const { stack } = running();
  const table = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith('TablesUsers'))!.tableName;
  const client = localDynamoDbClient(stack.dynamodbEndpoint);
  try {
    await client.send(
      new UpdateItemCommand({ TableName: table, Key: { id: { S: userId } }, UpdateExpression: 'SET expiresAt = :at', ExpressionAttributeValues: { ':at': { N: String(expiresAt) } } }),
    );
  } finally {
    client.destroy();
  }
}

it('shows another user’s public profile by id and by handle (any case, spaces trimmed), without their activity', async () => {
  const publicView = {
    id: bea.sub,
    handle: 'bea_birds',
    displayName: 'Bea',
    bio: 'Waders, mostly.',
    avatar: null,
    lastActiveAt: null,
    expiresAt: null,
    createdAt: beaProfile.createdAt,
    updatedAt: beaProfile.updatedAt,
  };
  expect({
    byId: await as(ada, USER, { id: bea.sub }),
    byHandle: await as(ada, BY_HANDLE, { handle: ' BEA_birds ' }),
  }).toEqual({
    byId: ok({ data: { user: publicView } }),
    byHandle: ok({ data: { userByHandle: publicView } }),
  });
});

it('answers null for a user without a profile and for a handle nobody holds', async () => {
  expect({
    noProfile: await as(ada, USER, { id: cy.sub }),
    noSuchId: await as(ada, USER, { id: 'no-such-user' }),
    noSuchHandle: await as(ada, BY_HANDLE, { handle: 'nobody_here' }),
  }).toEqual({
    noProfile: ok({ data: { user: null } }),
    noSuchId: ok({ data: { user: null } }),
    noSuchHandle: ok({ data: { userByHandle: null } }),
  });
});

it('refuses an empty or overlong id and what cannot be a handle', async () => {
  const badHandle = (length: number) => `handle must be 3 to 30 characters of letters, digits or underscores (received ${length} characters).`;
  expect([
    await as(ada, USER, { id: '' }),
    await as(ada, USER, { id: 'u'.repeat(129) }),
    await as(ada, BY_HANDLE, { handle: '' }),
    await as(ada, BY_HANDLE, { handle: 'b'.repeat(31) }),
  ]).toEqual([
    fieldError(USER, 'user', 'ValidationError', 'id must be a user id of 1 to 128 characters (received 0).'),
    fieldError(USER, 'user', 'ValidationError', 'id must be a user id of 1 to 128 characters (received 129).'),
    fieldError(BY_HANDLE, 'userByHandle', 'ValidationError', badHandle(0)),
    fieldError(BY_HANDLE, 'userByHandle', 'ValidationError', badHandle(31)),
  ]);
});

it('hides an expired user from others (TTL may not have deleted the row yet), but not from themself', async () => {
  const expiredAt = Math.floor(Date.now() / 1000) - 60;
  await setExpiresAt(bea.sub, expiredAt);
  expect({
    byId: await as(ada, USER, { id: bea.sub }),
    byHandle: await as(ada, BY_HANDLE, { handle: 'bea_birds' }),
    me: await as(bea, ME),
  }).toEqual({
    byId: ok({ data: { user: null } }),
    byHandle: ok({ data: { userByHandle: null } }),
    // Active within the hour, so `me` writes nothing and shows the row as it is.
    me: ok({
      data: {
        me: {
          id: bea.sub,
          handle: 'bea_birds',
          displayName: 'Bea',
          bio: 'Waders, mostly.',
          avatar: null,
          lastActiveAt: beaProfile.lastActiveAt,
          expiresAt: expiredAt,
          createdAt: beaProfile.createdAt,
          updatedAt: beaProfile.updatedAt,
        },
      },
    }),
  });
});
