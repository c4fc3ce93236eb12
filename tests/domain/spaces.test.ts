// Spaces and memberships end to end, as signed-in users of the real user pool: who may read a space
// and manage its members, and that memberCount always matches the memberships.
import { GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import type { TestUser } from '../harness/users';

jest.setTimeout(60_000);

const running = useLocalStack();
const { signUp, as, data } = signedInClient(running);
const SPACE_FIELDS = 'id name description ownerId memberCount myRole createdAt updatedAt';
const MEMBERSHIP_FIELDS = 'spaceId userId role joinedAt';
const CREATE = `mutation Create($input: CreateSpaceInput!) { createSpace(input: $input) { ${SPACE_FIELDS} members { items { ${MEMBERSHIP_FIELDS} } nextToken } } }`;
const SPACE = `query Space($id: ID!) { space(id: $id) { ${SPACE_FIELDS} members { items { userId role } nextToken } } }`;
const MY_SPACES = `query Mine($limit: Int, $nextToken: String) { mySpaces(limit: $limit, nextToken: $nextToken) { items { id name myRole memberCount } nextToken } }`;
const ADD = `mutation Add($spaceId: ID!, $userId: ID!, $role: Role!) { addMember(spaceId: $spaceId, userId: $userId, role: $role) { ${MEMBERSHIP_FIELDS} } }`;
const REMOVE = `mutation Remove($spaceId: ID!, $userId: ID!) { removeMember(spaceId: $spaceId, userId: $userId) { ${MEMBERSHIP_FIELDS} } }`;
const LEAVE = `mutation Leave($spaceId: ID!) { leaveSpace(spaceId: $spaceId) { ${MEMBERSHIP_FIELDS} } }`;

let ada: TestUser;
let bea: TestUser;
let cy: TestUser;
let dee: TestUser;

beforeAll(async () => {
  // signUp's first `me` creates the profile that addMember requires.
  ada = await signUp('ada@spaces.example.com');
  bea = await signUp('bea@spaces.example.com');
  cy = await signUp('cy@spaces.example.com');
  dee = await signUp('dee@spaces.example.com');
});



async function createSpace(user: TestUser, name: string): Promise<string> {
  return (await data<{ createSpace: { id: string } }>(user, CREATE, { input: { name } })).createSpace.id;
}

async function memberCount(user: TestUser, spaceId: string): Promise<number> {
  return (await data<{ space: { memberCount: number } }>(user, SPACE, { id: spaceId })).space.memberCount;
}

/**
 * What the tables themselves hold for a space (read through the AWS SDK, not the API): the Spaces
 * item's memberCount, or null once the item is gone, and how many Memberships rows it has.
 */
async function stored(spaceId: string): Promise<{ memberCount: number | null; memberships: number }> {
  const { stack } = running();
  const tableName = (prefix: string) => stack.stack.tables.find((table) => table.logicalId.startsWith(prefix))!.tableName;
  const client = localDynamoDbClient(stack.dynamodbEndpoint);
  try {
    const space = await client.send(new GetItemCommand({ TableName: tableName('TablesSpaces'), Key: { id: { S: spaceId } }, ConsistentRead: true }));
    const memberships = await client.send(
      new QueryCommand({
        TableName: tableName('TablesMemberships'),
        KeyConditionExpression: 'spaceId = :spaceId',
        ExpressionAttributeValues: { ':spaceId': { S: spaceId } },
        ConsistentRead: true,
        Select: 'COUNT',
      }),
    );
    return { memberCount: space.Item ? Number(unmarshall(space.Item).memberCount) : null, memberships: memberships.Count ?? 0 };
  } finally {
    client.destroy();
  }
}

// util.error and util.unauthorized become a field error with that errorType; a non-null field that
// fails nulls data (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
// The location is where the field starts in the one-line query.
function fieldError(query: string, field: string, errorType: string, message: string) {
  return ok({
    data: null,
    errors: [{ path: [field], data: null, errorType, errorInfo: null, locations: [{ line: 1, column: query.indexOf(`${field}(`) + 1, sourceName: null }], message }],
  });
}

it('creates a space whose only member is its OWNER', async () => {
  const response = await as(ada, CREATE, { input: { name: '  Field trip  ', description: 'Birds of the estuary' } });
  const created = (response.body as { data: { createSpace: { id: string; createdAt: string } } }).data.createSpace;
  expect(response).toEqual(
    ok({
      data: {
        createSpace: {
          id: created.id,
          name: 'Field trip',
          description: 'Birds of the estuary',
          ownerId: ada.sub,
          memberCount: 1,
          myRole: 'OWNER',
          createdAt: created.createdAt,
          updatedAt: created.createdAt,
          members: { items: [{ spaceId: created.id, userId: ada.sub, role: 'OWNER', joinedAt: created.createdAt }], nextToken: null },
        },
      },
    }),
  );
  expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

it('refuses an invalid space before writing anything', async () => {
  expect(await as(ada, CREATE, { input: { name: '   ' } })).toEqual(
    fieldError(CREATE, 'createSpace', 'ValidationError', 'name must be 1 to 100 characters (received 0 after trimming).'),
  );
});

it('shows a space to its members only: null for anyone else, and only the OWNER manages members', async () => {
  const spaceId = await createSpace(ada, 'Moths');
  const outsiderReads = await as(bea, SPACE, { id: spaceId });
  const outsiderAdds = await as(bea, ADD, { spaceId, userId: bea.sub, role: 'EDITOR' });
  const added = await as(ada, ADD, { spaceId, userId: bea.sub, role: 'VIEWER' });
  const joinedAt = (added.body as { data: { addMember: { joinedAt: string } } }).data.addMember.joinedAt;
  const viewerAdds = await as(bea, ADD, { spaceId, userId: cy.sub, role: 'VIEWER' });
  const viewerReads = await as(bea, SPACE, { id: spaceId });
  const viewerRemovesOwner = await as(bea, REMOVE, { spaceId, userId: ada.sub });
  expect({ outsiderReads, outsiderAdds, added, viewerAdds, viewerReads, viewerRemovesOwner }).toEqual({
    outsiderReads: ok({ data: { space: null } }),
    outsiderAdds: fieldError(ADD, 'addMember', 'Unauthorized', 'Not Authorized to access addMember on type Mutation'),
    added: ok({ data: { addMember: { spaceId, userId: bea.sub, role: 'VIEWER', joinedAt } } }),
    viewerAdds: fieldError(ADD, 'addMember', 'Unauthorized', 'Not Authorized to access addMember on type Mutation'),
    viewerReads: ok({
      data: {
        space: {
          ...(viewerReads.body as { data: { space: object } }).data.space,
          id: spaceId,
          name: 'Moths',
          description: null,
          ownerId: ada.sub,
          memberCount: 2,
          myRole: 'VIEWER',
          members: { items: [ada.sub, bea.sub].sort().map((userId) => ({ userId, role: userId === ada.sub ? 'OWNER' : 'VIEWER' })), nextToken: null },
        },
      },
    }),
    viewerRemovesOwner: fieldError(REMOVE, 'removeMember', 'Unauthorized', 'Not Authorized to access removeMember on type Mutation'),
  });
});

it('keeps memberCount equal to the memberships through adds, role changes, removals and leaves', async () => {
  const spaceId = await createSpace(ada, 'Lichens');
  const counts: Record<string, number> = { created: await memberCount(ada, spaceId) };
  await data(ada, ADD, { spaceId, userId: bea.sub, role: 'VIEWER' });
  counts.beaAdded = await memberCount(ada, spaceId);
  await data(ada, ADD, { spaceId, userId: bea.sub, role: 'EDITOR' });
  counts.beaPromoted = await memberCount(ada, spaceId);
  await data(ada, ADD, { spaceId, userId: cy.sub, role: 'VIEWER' });
  counts.cyAdded = await memberCount(ada, spaceId);
  const storedWithThree = await stored(spaceId);
  const editorRemoves = await as(bea, REMOVE, { spaceId, userId: cy.sub });
  counts.afterEditorRemoves = await memberCount(ada, spaceId);
  const removed = await as(ada, REMOVE, { spaceId, userId: cy.sub });
  counts.cyRemoved = await memberCount(ada, spaceId);
  const removedAgain = await as(ada, REMOVE, { spaceId, userId: cy.sub });
  const ownerLeaves = await as(ada, LEAVE, { spaceId });
  const left = await as(bea, LEAVE, { spaceId });
  counts.beaLeft = await memberCount(ada, spaceId);
  const storedWithOne = await stored(spaceId);
  const members = await data<{ space: { members: object } }>(ada, SPACE, { id: spaceId });
  const ownerLeavesLast = await as(ada, LEAVE, { spaceId });
  const afterwards = await as(ada, SPACE, { id: spaceId });
  const storedAfterwards = await stored(spaceId);

  const joinedAt = (response: { body: unknown }, field: string) => (response.body as { data: Record<string, { joinedAt: string }> }).data[field].joinedAt;
  expect({ counts, storedWithThree, storedWithOne, storedAfterwards, editorRemoves, removed, removedAgain, ownerLeaves, left, members, ownerLeavesLast, afterwards }).toEqual({
    counts: { created: 1, beaAdded: 2, beaPromoted: 2, cyAdded: 3, afterEditorRemoves: 3, cyRemoved: 2, beaLeft: 1 },
    storedWithThree: { memberCount: 3, memberships: 3 },
    storedWithOne: { memberCount: 1, memberships: 1 },
    storedAfterwards: { memberCount: null, memberships: 0 },
    editorRemoves: fieldError(REMOVE, 'removeMember', 'Unauthorized', 'Not Authorized to access removeMember on type Mutation'),
    removed: ok({ data: { removeMember: { spaceId, userId: cy.sub, role: 'VIEWER', joinedAt: joinedAt(removed, 'removeMember') } } }),
    removedAgain: fieldError(REMOVE, 'removeMember', 'MemberNotFound', `${cy.sub} is not a member of space ${spaceId}.`),
    ownerLeaves: fieldError(LEAVE, 'leaveSpace', 'OwnerCannotLeave', 'The OWNER cannot leave while other members remain; remove them first.'),
    left: ok({ data: { leaveSpace: { spaceId, userId: bea.sub, role: 'EDITOR', joinedAt: joinedAt(left, 'leaveSpace') } } }),
    members: { space: { ...members.space, members: { items: [{ userId: ada.sub, role: 'OWNER' }], nextToken: null } } },
    ownerLeavesLast: ok({ data: { leaveSpace: { spaceId, userId: ada.sub, role: 'OWNER', joinedAt: joinedAt(ownerLeavesLast, 'leaveSpace') } } }),
    // The OWNER left last, so the space went with them.
    afterwards: ok({ data: { space: null } }),
  });
});

it('refuses to make a second OWNER, to change the OWNER, or to add a user without a profile', async () => {
  const spaceId = await createSpace(ada, 'Ferns');
  expect({
    secondOwner: await as(ada, ADD, { spaceId, userId: bea.sub, role: 'OWNER' }),
    demoteOwner: await as(ada, ADD, { spaceId, userId: ada.sub, role: 'VIEWER' }),
    unknownUser: await as(ada, ADD, { spaceId, userId: 'no-such-user', role: 'VIEWER' }),
    count: await memberCount(ada, spaceId),
  }).toEqual({
    secondOwner: fieldError(ADD, 'addMember', 'ValidationError', 'addMember grants EDITOR or VIEWER; a space has one OWNER, its creator.'),
    demoteOwner: fieldError(ADD, 'addMember', 'CannotChangeOwner', "The space's OWNER keeps that role; their role cannot be changed."),
    unknownUser: fieldError(ADD, 'addMember', 'UserNotFound', 'User no-such-user does not exist.'),
    count: 1,
  });
});

it('lists the caller’s spaces with their role, a page at a time', async () => {
  const first = await createSpace(cy, 'Cy one');
  const second = await createSpace(cy, 'Cy two');
  const third = await createSpace(cy, 'Cy three');
  const page1 = await data<{ mySpaces: { items: { id: string }[]; nextToken: string | null } }>(cy, MY_SPACES, { limit: 2 });
  const page2 = await data<{ mySpaces: { items: { id: string }[]; nextToken: string | null } }>(cy, MY_SPACES, { limit: 2, nextToken: page1.mySpaces.nextToken });
  const names = new Map([[first, 'Cy one'], [second, 'Cy two'], [third, 'Cy three']]);
  // The byUser index sorts a user's memberships by spaceId.
  const expected = [...names.keys()].sort().map((id) => ({ id, name: names.get(id), myRole: 'OWNER', memberCount: 1 }));
  expect({ page1, page2, none: await data(dee, MY_SPACES, { limit: 100 }), tooMany: await as(cy, MY_SPACES, { limit: 101 }) }).toEqual({
    page1: { mySpaces: { items: expected.slice(0, 2), nextToken: expect.any(String) } },
    page2: { mySpaces: { items: expected.slice(2), nextToken: null } },
    none: { mySpaces: { items: [], nextToken: null } },
    tooMany: fieldError(MY_SPACES, 'mySpaces', 'ValidationError', 'limit must be 1 to 100 (received 101).'),
  });
});

it('counts a user once when the OWNER adds them twice at the same moment', async () => {
  const spaceId = await createSpace(ada, 'Mosses');
  // Whichever add runs second either finds the membership (a role change) or loses the
  // transaction's attribute_not_exists condition (MembershipConflict); neither counts the user again.
  await Promise.all([as(ada, ADD, { spaceId, userId: bea.sub, role: 'VIEWER' }), as(ada, ADD, { spaceId, userId: bea.sub, role: 'EDITOR' })]);
  expect({ api: await memberCount(ada, spaceId), tables: await stored(spaceId) }).toEqual({ api: 2, tables: { memberCount: 2, memberships: 2 } });
});
