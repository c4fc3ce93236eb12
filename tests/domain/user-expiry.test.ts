// Inactive users expire, end to end (DESIGN.md, "Inactive users expire"): an admin expires X, the
// TTL reaper deletes X's Users row as DynamoDB TTL would, the Users stream's TTL-only mapping
// invokes the user-expiry function, and X's data goes while X's contributions to a shared space
// stay, anonymised. Everything runs in one local stack; the clock moves through the stack's own
// `ttl advance` route.
import { DeleteItemCommand, GetItemCommand, PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { localCognitoClient } from '../../local/services/cognito-local';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok, postGraphql } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { createTestUser, signIn, type TestUser } from '../harness/users';

jest.setTimeout(180_000);

const running = useLocalStack();
const CLEANUP_WAIT_MS = 60_000;
const ADMIN = { username: 'admin@example.com', password: 'Outpost-Admin-1' };

const EXPIRE = 'mutation Expire($id: ID!) { expireUser(id: $id) { id expiresAt } }';
const CREATE_SPACE = 'mutation Create($input: CreateSpaceInput!) { createSpace(input: $input) { id } }';
const ADD_MEMBER = 'mutation Add($spaceId: ID!, $userId: ID!) { addMember(spaceId: $spaceId, userId: $userId, role: EDITOR) { userId } }';
const CREATE_NOTE = 'mutation Note($input: CreateNoteInput!) { createNote(input: $input) { id } }';
const ADD_COMMENT = 'mutation Comment($input: AddCommentInput!) { addComment(input: $input) { id } }';
const NOTE = 'query Note($id: ID!) { note(id: $id) { id spaceId authorId title body _version } }';
const COMMENTS = 'query Comments($noteId: ID!) { comments(noteId: $noteId) { items { id authorId body } nextToken } }';
const SPACE = 'query Space($id: ID!) { space(id: $id) { id ownerId memberCount } }';

let x: TestUser;
let y: TestUser;
let w: TestUser;
const tokens = new Map<string, string>();

function as(token: string, query: string, variables: Record<string, unknown> = {}) {
  return postGraphql(running().stack.urls.http, { query, variables }, { headers: { authorization: token } });
}

async function data<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await as(token, query, variables);
  expect(response).toEqual(ok({ data: expect.anything() }));
  return (response.body as { data: T }).data;
}

const tokenOf = (user: TestUser) => tokens.get(user.sub) ?? '';

function tableName(prefix: string): string {
  const table = running().stack.stack.tables.find((candidate) => candidate.logicalId.startsWith(prefix));
  if (table === undefined) throw new Error(`the stack has no ${prefix} table`);
  return table.tableName;
}

async function withDynamoDb<T>(run: (client: ReturnType<typeof localDynamoDbClient>) => Promise<T>): Promise<T> {
  const client = localDynamoDbClient(running().stack.dynamodbEndpoint);
  try {
    return await run(client);
  } finally {
    client.destroy();
  }
}

const getItem = (prefix: string, key: Record<string, AttributeValue>) =>
  withDynamoDb(async (client) => {
    const { Item } = await client.send(new GetItemCommand({ TableName: tableName(prefix), Key: key, ConsistentRead: true }));
    return Item === undefined ? null : unmarshall(Item);
  });

const queryKeys = (prefix: string, name: string, value: string) =>
  withDynamoDb(async (client) => {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName(prefix),
        KeyConditionExpression: '#k = :v',
        ExpressionAttributeNames: { '#k': name },
        ExpressionAttributeValues: { ':v': { S: value } },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => unmarshall(item));
  });

/** `outpost ttl advance` through the stack's admin route: moves the clock and reaps at once. */
async function advanceAndReap(by: string): Promise<{ reaped: number }> {
  const response = await fetch(`http://127.0.0.1:${running().stack.ports.http}/outpost/ttl/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ by }),
  });
  return (await response.json()) as { reaped: number };
}

/** The structured lines the user-expiry function logged with this message (Powertools JSON). */
function cleanupLogs(message: string): Record<string, unknown>[] {
  return running()
    .log.filter((line) => line.startsWith('lambda ') && line.includes(`"message":"${message}"`))
    .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>);
}

/** Polls the stack's log until the function has finished `count` cleanups (bounded). */
async function cleanupsFinished(count: number): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + CLEANUP_WAIT_MS;
  for (;;) {
    const finished = cleanupLogs('expired user: cleanup finished');
    if (finished.length >= count) return finished;
    if (Date.now() > deadline) {
      throw new Error(`the user-expiry function finished ${finished.length} of ${count} cleanups in ${CLEANUP_WAIT_MS} ms; log:\n${running().log.slice(-30).join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The report fields of a cleanup-finished line (without Powertools' own fields). */
const report = (line: Record<string, unknown>) => {
  const { userId, handleReleased, devicesDeleted, memberships, notesAnonymised, commentsAnonymised, cognitoUserDeleted } = line;
  return { userId, handleReleased, devicesDeleted, memberships, notesAnonymised, commentsAnonymised, cognitoUserDeleted };
};

let soloSpace: string;
let sharedSpace: string;
let soloNote: string;
let xSharedNote: string;
let ySharedNote: string;
let xSharedComment: string;
let adminToken: string;

beforeAll(async () => {
  const { stack } = running();
  x = await createTestUser(stack, 'x@expiry.example.com');
  y = await createTestUser(stack, 'y@expiry.example.com');
  w = await createTestUser(stack, 'w@expiry.example.com');
  for (const user of [x, y, w]) {
    tokens.set(user.sub, (await signIn(stack, user.username, user.password)).idToken);
    await as(tokenOf(user), 'query Me { me { id } }');
  }
  adminToken = (await signIn(stack, ADMIN.username, ADMIN.password)).idToken;
  await data(tokenOf(x), 'mutation Claim($input: UpdateProfileInput!) { updateProfile(input: $input) { handle } }', { input: { handle: 'xexpiry' } });

  soloSpace = (await data<{ createSpace: { id: string } }>(tokenOf(x), CREATE_SPACE, { input: { name: 'X alone' } })).createSpace.id;
  soloNote = (await data<{ createNote: { id: string } }>(tokenOf(x), CREATE_NOTE, { input: { spaceId: soloSpace, title: 'Solo note' } })).createNote.id;
  await data(tokenOf(x), ADD_COMMENT, { input: { noteId: soloNote, body: 'Solo comment' } });

  sharedSpace = (await data<{ createSpace: { id: string } }>(tokenOf(y), CREATE_SPACE, { input: { name: 'Y and X' } })).createSpace.id;
  await data(tokenOf(y), ADD_MEMBER, { spaceId: sharedSpace, userId: x.sub });
  xSharedNote = (await data<{ createNote: { id: string } }>(tokenOf(x), CREATE_NOTE, { input: { spaceId: sharedSpace, title: 'Heron count', body: '12 herons' } })).createNote.id;
  ySharedNote = (await data<{ createNote: { id: string } }>(tokenOf(y), CREATE_NOTE, { input: { spaceId: sharedSpace, title: 'Weather' } })).createNote.id;
  xSharedComment = (await data<{ addComment: { id: string } }>(tokenOf(x), ADD_COMMENT, { input: { noteId: ySharedNote, body: 'Seen it too' } })).addComment.id;

  // Devices written directly: the API's registerDevice is not what this test is about.
  await withDynamoDb(async (client) => {
    for (const [userId, deviceId] of [[x.sub, 'x-phone'], [x.sub, 'x-tablet'], [w.sub, 'w-phone']]) {
      await client.send(new PutItemCommand({ TableName: tableName('TablesDevices'), Item: { userId: { S: userId }, deviceId: { S: deviceId }, platform: { S: 'IOS' } } }));
    }
    // An ordinary delete of W's profile (not TTL): the mapping's filter must keep it from the function.
    await client.send(new DeleteItemCommand({ TableName: tableName('TablesUsers'), Key: { id: { S: w.sub } } }));
  });
});

describe('inactive users expire', () => {
  it('refuses expireUser to a caller outside the ADMINS group', async () => {
    // A field whose @aws_cognito_user_pools(cognito_groups) excludes the caller resolves to null
    // with an Unauthorized error: https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html
    expect(await as(tokenOf(y), EXPIRE, { id: x.sub })).toEqual(
      ok({
        data: null,
        errors: [
          {
            path: ['expireUser'],
            data: null,
            errorType: 'Unauthorized',
            errorInfo: null,
            locations: [{ line: 1, column: 29, sourceName: null }],
            message: 'Not Authorized to access expireUser on type Mutation',
          },
        ],
      }),
    );
  });

  it('answers UserNotFound for an id with no profile', async () => {
    expect(await as(adminToken, EXPIRE, { id: 'no-such-user' })).toEqual(
      ok({
        data: null,
        errors: [
          {
            path: ['expireUser'],
            data: null,
            errorType: 'UserNotFound',
            errorInfo: null,
            locations: [{ line: 1, column: 29, sourceName: null }],
            message: 'User no-such-user does not exist.',
          },
        ],
      }),
    );
  });

  it("removes X's data once TTL deletes X's profile, and keeps X's shared contributions without an author", async () => {
    const expired = await data<{ expireUser: { id: string; expiresAt: number } }>(adminToken, EXPIRE, { id: x.sub });
    expect(expired.expireUser.id).toEqual(x.sub);
    // expiresAt is now: two seconds on, the reaper deletes the row as DynamoDB TTL would.
    expect(await advanceAndReap('2s')).toEqual({ now: expect.any(String), reaped: 1 });
    const [finished] = await cleanupsFinished(1);

    const memberships = await queryKeys('TablesMemberships', 'spaceId', sharedSpace);
    expect({
      report: report(finished),
      profile: await getItem('TablesUsers', { id: { S: x.sub } }),
      handleClaim: await getItem('TablesHandles', { handle: { S: 'xexpiry' } }),
      devices: await queryKeys('TablesDevices', 'userId', x.sub),
      soloSpace: await getItem('TablesSpaces', { id: { S: soloSpace } }),
      soloNote: await getItem('TablesNotes', { id: { S: soloNote } }),
      soloComments: await queryKeys('TablesComments', 'noteId', soloNote),
      sharedMembers: memberships.map((membership) => membership.userId),
      // Y reads the shared space through the API, with a fresh token (the clock moved).
      space: (await data<{ space: unknown }>(tokenOf(y), SPACE, { id: sharedSpace })).space,
      xNote: (await data<{ note: unknown }>(tokenOf(y), NOTE, { id: xSharedNote })).note,
      comments: (await data<{ comments: unknown }>(tokenOf(y), COMMENTS, { noteId: ySharedNote })).comments,
    }).toEqual({
      report: {
        userId: x.sub,
        handleReleased: true,
        devicesDeleted: 2,
        memberships: { left: 1, spacesDeleted: 1, ownershipPassed: 0, notesDeleted: 1, commentsDeleted: 1 },
        notesAnonymised: 1,
        commentsAnonymised: 1,
        cognitoUserDeleted: true,
      },
      profile: null,
      handleClaim: null,
      devices: [],
      soloSpace: null,
      soloNote: null,
      soloComments: [],
      sharedMembers: [y.sub],
      space: { id: sharedSpace, ownerId: y.sub, memberCount: 1 },
      // The note keeps its content; the anonymisation is a new version, so offline clients see it.
      xNote: { id: xSharedNote, spaceId: sharedSpace, authorId: null, title: 'Heron count', body: '12 herons', _version: 2 },
      comments: { items: [{ id: xSharedComment, authorId: null, body: 'Seen it too' }], nextToken: null },
    });
    // X is gone from the pool, so X cannot sign in. The app client prevents user-existence errors,
    // so the sign-in fails as a wrong password would:
    // https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
    const cognito = localCognitoClient(running().stack.cognitoEndpoint);
    try {
      const poolId = running().stack.userPool?.userPoolId;
      await expect(cognito.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: x.sub }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
    } finally {
      cognito.destroy();
    }
    await expect(signIn(running().stack, x.username, x.password)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('leaves data alone when a profile is deleted by anything but TTL (the filter)', async () => {
    // W's ordinary REMOVE is older on the Users stream than X's TTL deletion, so once X's cleanup
    // has run the mapping has already passed W's record by.
    expect({
      cleanups: cleanupLogs('expired user: cleanup started').map((line) => line.userId),
      wDevices: (await queryKeys('TablesDevices', 'userId', w.sub)).map((device) => device.deviceId),
    }).toEqual({ cleanups: [x.sub], wDevices: ['w-phone'] });
  });

  it('changes nothing when X expires a second time (a re-delivered deletion)', async () => {
    const before = {
      xNote: await getItem('TablesNotes', { id: { S: xSharedNote } }),
      space: await getItem('TablesSpaces', { id: { S: sharedSpace } }),
      memberships: await queryKeys('TablesMemberships', 'spaceId', sharedSpace),
    };
    // X's profile comes back already expired, and TTL deletes it again: the same REMOVE, for the same user.
    await withDynamoDb((client) =>
      client.send(new PutItemCommand({ TableName: tableName('TablesUsers'), Item: { id: { S: x.sub }, expiresAt: { N: String(Math.floor(Date.now() / 1000)) } } })),
    );
    await advanceAndReap('2s');
    const finished = await cleanupsFinished(2);
    expect({
      report: report(finished[1]),
      xNote: await getItem('TablesNotes', { id: { S: xSharedNote } }),
      space: await getItem('TablesSpaces', { id: { S: sharedSpace } }),
      memberships: await queryKeys('TablesMemberships', 'spaceId', sharedSpace),
    }).toEqual({
      report: {
        userId: x.sub,
        handleReleased: false,
        devicesDeleted: 0,
        memberships: { left: 0, spacesDeleted: 0, ownershipPassed: 0, notesDeleted: 0, commentsDeleted: 0 },
        notesAnonymised: 0,
        commentsAnonymised: 0,
        cognitoUserDeleted: false,
      },
      ...before,
    });
  });
});
