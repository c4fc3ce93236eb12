// The whole cleanup of one expired user against DynamoDB Local, with tables made from the stack's
// own table definitions, and a Cognito double that records what it was asked. Then the same user
// again, as a re-delivered stream record would: nothing changes.
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { Logger } from '@aws-lambda-powertools/logger';
import { TABLE_DEFINITIONS, type TableName } from '../../infra/lib/data/table-definitions';
import { createDynamoDbDataSource } from '../../local/datasources/dynamodb/data-source';
import { createTable, startLocalDynamoDb, type LocalDynamoDb } from '../../local/datasources/dynamodb/testing/local-tables';
import type { CleanupContext } from './cleanup-context';
import type { UserExpiryConfig } from './config';
import { expireUser } from './expire-user';

jest.setTimeout(120_000);

const NOW = Date.parse('2026-06-01T12:00:00.000Z');
const config: UserExpiryConfig = {
  handlesTable: 'Handles',
  devicesTable: 'Devices',
  membershipsTable: 'Memberships',
  spacesTable: 'Spaces',
  notesTable: 'Notes',
  commentsTable: 'Comments',
  notesDeltaSyncTable: 'NotesDeltaSync',
  notesDeltaSyncTtlMinutes: 30,
  userPoolId: 'us-east-1_pool',
};
const TABLES: TableName[] = ['Handles', 'Devices', 'Memberships', 'Spaces', 'Notes', 'Comments'];

/** Deletes of users the pool no longer knows fail as Cognito does, with UserNotFoundException. */
function cognitoDouble(requests: unknown[]): CognitoIdentityProviderClient {
  const deleted = new Set<string>();
  const send = async (command: { input: { UserPoolId: string; Username: string } }) => {
    requests.push({ command: command.constructor.name, input: command.input });
    if (deleted.has(command.input.Username)) throw Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException' });
    deleted.add(command.input.Username);
    return {};
  };
  return { send } as unknown as CognitoIdentityProviderClient;
}

const space = (id: string, ownerId: string, memberCount: number) => ({ id, name: id, ownerId, memberCount, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' });
const member = (spaceId: string, userId: string, role: string, joinedAt: string) => ({ spaceId, userId, role, joinedAt });
const note = (id: string, spaceId: string, authorId: string, version: number) => ({
  id,
  spaceId,
  authorId,
  title: `Title ${id}`,
  body: `Body ${id}`,
  checklist: [],
  tags: ['field'],
  links: [],
  createdAt: '2025-05-01T00:00:00.000Z',
  updatedAt: '2025-05-02T00:00:00.000Z',
  _version: version,
  _lastChangedAt: 1746144000000,
});
const comment = (noteId: string, id: string, spaceId: string, authorId: string) => ({
  noteId,
  sk: `2025-05-03T00:00:00.000Z#${id}`,
  id,
  spaceId,
  authorId,
  body: `Comment ${id}`,
  createdAt: '2025-05-03T00:00:00.000Z',
});
/** Items in one order whatever order a Scan returns them in: by their attributes, names sorted. */
const canonical = (item: Record<string, unknown>) => JSON.stringify(Object.keys(item).sort().map((name) => [name, item[name]]));
const sorted = (items: Record<string, unknown>[]) => [...items].sort((a, b) => canonical(a).localeCompare(canonical(b)));
const withoutAuthor = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([name]) => name !== 'authorId'));

describe('expireUser (the cleanup of one expired user)', () => {
  let local: LocalDynamoDb;
  let context: CleanupContext;
  const cognitoRequests: unknown[] = [];

  const scan = async (table: string) => {
    const items = (await local.client.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? [];
    return sorted(items.map((item) => unmarshall(item)));
  };
  const put = (table: string, item: object) => local.client.send(new PutItemCommand({ TableName: table, Item: marshall(item) }));

  beforeAll(async () => {
    local = await startLocalDynamoDb();
    for (const name of TABLES) {
      const definition = TABLE_DEFINITIONS[name];
      await createTable(local.client, {
        name,
        hashKey: definition.partitionKey.name,
        rangeKey: definition.sortKey?.name,
        indexes: (definition.globalSecondaryIndexes ?? []).map((index) => ({ name: index.indexName, hashKey: index.partitionKey.name, rangeKey: index.sortKey?.name })),
      });
    }
    await createTable(local.client, { name: 'NotesDeltaSync', hashKey: 'ds_pk', rangeKey: 'ds_sk' });
    context = {
      dynamodb: local.client,
      cognito: cognitoDouble(cognitoRequests),
      config,
      now: () => new Date(NOW),
      logger: new Logger({ serviceName: 'user-expiry-test', logLevel: 'SILENT' }),
    };

    await put('Handles', { handle: 'xavier', userId: 'x', claimedAt: '2025-01-01T00:00:00.000Z' });
    await put('Handles', { handle: 'yara', userId: 'y', claimedAt: '2025-01-01T00:00:00.000Z' });
    await put('Devices', { userId: 'x', deviceId: 'phone', platform: 'IOS' });
    await put('Devices', { userId: 'x', deviceId: 'tablet', platform: 'ANDROID' });
    await put('Devices', { userId: 'y', deviceId: 'laptop', platform: 'WEB' });
    // solo: only x. shared: y owns, x edits. owned: x owns, y views, z edits (z takes over).
    await put('Spaces', space('solo', 'x', 1));
    await put('Spaces', space('shared', 'y', 2));
    await put('Spaces', space('owned', 'x', 3));
    await put('Memberships', member('solo', 'x', 'OWNER', '2025-01-01T00:00:00.000Z'));
    await put('Memberships', member('shared', 'y', 'OWNER', '2025-01-01T00:00:00.000Z'));
    await put('Memberships', member('shared', 'x', 'EDITOR', '2025-01-02T00:00:00.000Z'));
    await put('Memberships', member('owned', 'x', 'OWNER', '2025-01-01T00:00:00.000Z'));
    await put('Memberships', member('owned', 'y', 'VIEWER', '2025-01-02T00:00:00.000Z'));
    await put('Memberships', member('owned', 'z', 'EDITOR', '2025-01-03T00:00:00.000Z'));
    await put('Notes', note('n-solo', 'solo', 'x', 1));
    await put('Notes', note('n-shared-x', 'shared', 'x', 3));
    await put('Notes', note('n-shared-y', 'shared', 'y', 1));
    await put('Comments', comment('n-solo', 'c-solo', 'solo', 'x'));
    await put('Comments', comment('n-shared-y', 'c-x', 'shared', 'x'));
    await put('Comments', comment('n-shared-x', 'c-y', 'shared', 'y'));
  });

  afterAll(async () => {
    await local?.stop();
  });

  it("removes x's devices, memberships and solo space, passes x's owned space on, anonymises the rest and deletes the Cognito user", async () => {
    expect(await expireUser(context, { id: 'x', handle: 'xavier' })).toEqual({
      userId: 'x',
      handleReleased: true,
      devicesDeleted: 2,
      memberships: { left: 1, spacesDeleted: 1, ownershipPassed: 1, notesDeleted: 1, commentsDeleted: 1 },
      notesAnonymised: 1,
      commentsAnonymised: 1,
      cognitoUserDeleted: true,
    });
    const anonymisedNote = { ...withoutAuthor(note('n-shared-x', 'shared', 'x', 3)), _version: 4, _lastChangedAt: NOW };
    expect({
      handles: await scan('Handles'),
      devices: await scan('Devices'),
      spaces: await scan('Spaces'),
      memberships: await scan('Memberships'),
      notes: await scan('Notes'),
      comments: await scan('Comments'),
      delta: await scan('NotesDeltaSync'),
      cognito: cognitoRequests,
    }).toEqual({
      handles: [{ handle: 'yara', userId: 'y', claimedAt: '2025-01-01T00:00:00.000Z' }],
      devices: [{ userId: 'y', deviceId: 'laptop', platform: 'WEB' }],
      spaces: sorted([space('owned', 'z', 2), space('shared', 'y', 1)]),
      memberships: sorted([
        member('owned', 'y', 'VIEWER', '2025-01-02T00:00:00.000Z'),
        // The EDITOR outranks the VIEWER who joined earlier.
        member('owned', 'z', 'OWNER', '2025-01-03T00:00:00.000Z'),
        member('shared', 'y', 'OWNER', '2025-01-01T00:00:00.000Z'),
      ]),
      notes: sorted([anonymisedNote, note('n-shared-y', 'shared', 'y', 1)]),
      comments: sorted([comment('n-shared-x', 'c-y', 'shared', 'y'), withoutAuthor(comment('n-shared-y', 'c-x', 'shared', 'x'))]),
      // The change record AppSync would have logged: the note after the change, keyed by day and time.
      delta: [{ ...anonymisedNote, ds_pk: 'Notes:2026-06-01', ds_sk: '12:00:00.000:n-shared-x:4', _ttl: NOW / 1000 + 30 * 60 }],
      cognito: [{ command: 'AdminDeleteUserCommand', input: { UserPoolId: 'us-east-1_pool', Username: 'x' } }],
    });
  });

  it('hands the anonymised note to a client that delta-syncs from before the change', async () => {
    // Outpost Local's versioned data source reads the Delta table for a lastSync within
    // DeltaSyncTableTTL, as AppSync does:
    // https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-conflict-detection-and-sync-sync-operations.html
    const notes = createDynamoDbDataSource({
      client: local.client,
      tableName: 'Notes',
      versioned: true,
      deltaSyncConfig: { baseTableTtl: 43200, deltaSyncTableName: 'NotesDeltaSync', deltaSyncTableTtl: 30 },
      clock: { now: () => new Date(NOW + 60_000) },
    });
    expect(await notes.invoke({ operation: 'Sync', lastSync: NOW - 60_000 })).toEqual({
      result: {
        items: [{ ...withoutAuthor(note('n-shared-x', 'shared', 'x', 3)), _version: 4, _lastChangedAt: NOW }],
        nextToken: null,
        scannedCount: 1,
        startedAt: NOW + 60_000,
      },
    });
  });

  it("never frees a handle that someone else has claimed since", async () => {
    await put('Handles', { handle: 'xavier', userId: 'w', claimedAt: '2026-06-01T12:30:00.000Z' });
    expect((await expireUser(context, { id: 'x', handle: 'xavier' })).handleReleased).toEqual(false);
    expect(await scan('Handles')).toEqual(
      sorted([
        { handle: 'xavier', userId: 'w', claimedAt: '2026-06-01T12:30:00.000Z' },
        { handle: 'yara', userId: 'y', claimedAt: '2025-01-01T00:00:00.000Z' },
      ]),
    );
  });

  it('changes nothing when the same user is cleaned up again (a re-delivered record)', async () => {
    const tables = ['Handles', 'Devices', 'Spaces', 'Memberships', 'Notes', 'Comments', 'NotesDeltaSync'];
    const before = await Promise.all(tables.map(scan));
    expect(await expireUser(context, { id: 'x', handle: 'xavier' })).toEqual({
      userId: 'x',
      handleReleased: false,
      devicesDeleted: 0,
      memberships: { left: 0, spacesDeleted: 0, ownershipPassed: 0, notesDeleted: 0, commentsDeleted: 0 },
      notesAnonymised: 0,
      commentsAnonymised: 0,
      cognitoUserDeleted: false,
    });
    expect(await Promise.all(tables.map(scan))).toEqual(before);
  });
});
