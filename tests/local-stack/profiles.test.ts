// The DynamoDB data source end to end: `me` creates the caller's profile, `updateProfile` claims a
// handle in a transaction, and a refused change writes nothing. Both the API and the tables
// themselves (read through the AWS SDK) are checked.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok, postGraphql } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { createTestUser, signIn, type TestUser } from '../harness/users';

jest.setTimeout(60_000);

const running = useLocalStack();
const PROFILE_FIELDS = 'id handle displayName bio avatar';
const ME = { query: `query Me { me { ${PROFILE_FIELDS} } }` };
const UPDATE = `mutation Update($input: UpdateProfileInput!) { updateProfile(input: $input) { ${PROFILE_FIELDS} } }`;

let ada: TestUser;
let bea: TestUser;
const tokens = new Map<string, string>();

beforeAll(async () => {
  const { stack } = running();
  ada = await createTestUser(stack, 'ada@example.com');
  bea = await createTestUser(stack, 'bea@example.com');
  for (const user of [ada, bea]) tokens.set(user.sub, (await signIn(stack, user.username, user.password)).idToken);
});

function as(user: TestUser, body: { query: string; variables?: Record<string, unknown> }) {
  return postGraphql(running().stack.urls.http, body, { headers: { authorization: tokens.get(user.sub)! } });
}

/**
 * The items of a table (by its logical ID's prefix in the template, e.g. `TablesHandles`) that
 * belong to this file's users; the demo users the stack seeds have rows too.
 */
async function scan(logicalIdPrefix: string): Promise<Record<string, unknown>[]> {
  const { stack } = running();
  const table = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith(logicalIdPrefix));
  const client = localDynamoDbClient(stack.dynamodbEndpoint);
  try {
    const { Items = [] } = await client.send(new ScanCommand({ TableName: table!.tableName }));
    const ours = new Set([ada.sub, bea.sub]);
    return Items.map((item) => unmarshall(item))
      .filter((item) => ours.has(String(item.userId ?? item.id)))
      .sort((a, b) => String(a.handle ?? a.id).localeCompare(String(b.handle ?? b.id)));
  } finally {
    client.destroy();
  }
}

function profile(user: TestUser, fields: { handle?: string; displayName?: string } = {}) {
  return { id: user.sub, handle: fields.handle ?? null, displayName: fields.displayName ?? null, bio: null, avatar: null };
}

// util.error(message, errorType) becomes a field error with that errorType, and a non-null field
// that fails nulls its parent (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
function fieldError(errorType: string, message: string) {
  return ok({
    data: null,
    errors: [{ path: ['updateProfile'], data: null, errorType, errorInfo: null, locations: [{ line: 1, column: 48, sourceName: null }], message }],
  });
}

it('creates the profile on the first `me`, and claims a handle', async () => {
  const first = await as(ada, ME);
  const claimed = await as(ada, { query: UPDATE, variables: { input: { handle: 'Ada_L', displayName: '  Ada  ' } } });
  expect({ first, claimed, again: await as(ada, ME) }).toEqual({
    first: ok({ data: { me: profile(ada) } }),
    // Handles are stored lowercase and display names trimmed (resolvers/lib/profile-input.ts).
    claimed: ok({ data: { updateProfile: profile(ada, { handle: 'ada_l', displayName: 'Ada' }) } }),
    again: ok({ data: { me: profile(ada, { handle: 'ada_l', displayName: 'Ada' }) } }),
  });
});

it('refuses a handle another user holds, and writes nothing', async () => {
  await as(bea, { query: UPDATE, variables: { input: { displayName: 'Bea' } } });
  const handlesBefore = await scan('TablesHandles');
  const taken = await as(bea, { query: UPDATE, variables: { input: { handle: 'ADA_L', displayName: 'Not Bea' } } });
  expect({
    taken,
    ada: await as(ada, ME),
    bea: await as(bea, ME),
    handles: await scan('TablesHandles'),
  }).toEqual({
    taken: fieldError('HandleTaken', 'The handle "ada_l" is already taken.'),
    ada: ok({ data: { me: profile(ada, { handle: 'ada_l', displayName: 'Ada' }) } }),
    bea: ok({ data: { me: profile(bea, { displayName: 'Bea' }) } }),
    handles: handlesBefore,
  });
  expect(handlesBefore).toEqual([{ handle: 'ada_l', userId: ada.sub, claimedAt: expect.any(String) }]);
});

it('refuses invalid input before anything is read or written', async () => {
  const usersBefore = await scan('TablesUsers');
  expect({
    badHandle: await as(bea, { query: UPDATE, variables: { input: { handle: 'no spaces allowed' } } }),
    emptyName: await as(bea, { query: UPDATE, variables: { input: { displayName: '   ' } } }),
    nothing: await as(bea, { query: UPDATE, variables: { input: {} } }),
    users: await scan('TablesUsers'),
    handles: await scan('TablesHandles'),
  }).toEqual({
    badHandle: fieldError('ValidationError', 'handle must be 3 to 30 characters of lowercase letters, digits or underscores (received "no spaces allowed").'),
    emptyName: fieldError('ValidationError', 'displayName must be 1 to 50 characters (received 0 after trimming).'),
    nothing: fieldError('ValidationError', 'updateProfile needs at least one of displayName, bio, avatar or handle.'),
    users: usersBefore,
    handles: [{ handle: 'ada_l', userId: ada.sub, claimedAt: expect.any(String) }],
  });
});

it('releases the old handle when a user changes it, so another user can claim it', async () => {
  const renamed = await as(ada, { query: UPDATE, variables: { input: { handle: 'ada_k' } } });
  const reclaimed = await as(bea, { query: UPDATE, variables: { input: { handle: 'ada_l' } } });
  expect({ renamed, reclaimed, handles: (await scan('TablesHandles')).map(({ handle, userId }) => ({ handle, userId })) }).toEqual({
    renamed: ok({ data: { updateProfile: profile(ada, { handle: 'ada_k', displayName: 'Ada' }) } }),
    reclaimed: ok({ data: { updateProfile: profile(bea, { handle: 'ada_l', displayName: 'Bea' }) } }),
    handles: [
      { handle: 'ada_k', userId: ada.sub },
      { handle: 'ada_l', userId: bea.sub },
    ],
  });
});
