// The expired user leaves every space, keeping Spaces.memberCount in step the way the resolvers do
// (resolvers/lib/member-removal.ts): the membership's delete, conditional on the role that was
// read, and the space's update in one transaction. A space where they were the only member is
// deleted with its notes and comments; a shared space they owned passes to its senior member.
import {
  DeleteItemCommand,
  GetItemCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
  type TransactWriteItem,
  type Update,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { CleanupContext } from './cleanup-context';
import { deleteSpaceContents } from './delete-space-contents';
import { ConcurrentChangeError } from './errors';
import { queryPages } from '../shared/query-pages';
import { cancellationCodes, isConditionFailure } from './sdk-errors';

/** Conditional writes that lost a race are read again and retried this many times in all. */
const MAX_ATTEMPTS = 3;

interface Membership {
  readonly spaceId: string;
  readonly userId: string;
  readonly role: string;
  readonly joinedAt?: string;
}

export type LeaveOutcome = 'left' | 'spaceDeleted' | 'ownershipPassed' | 'alreadyGone';

export interface LeaveSummary {
  readonly left: number;
  readonly spacesDeleted: number;
  readonly ownershipPassed: number;
  readonly notesDeleted: number;
  readonly commentsDeleted: number;
}

const ROLE_RANK: Record<string, number> = { OWNER: 0, EDITOR: 1, VIEWER: 2 };

export async function leaveSpaces(context: CleanupContext, userId: string): Promise<LeaveSummary> {
  const summary = { left: 0, spacesDeleted: 0, ownershipPassed: 0, notesDeleted: 0, commentsDeleted: 0 };
  const memberships = queryPages(context.dynamodb, {
    TableName: context.config.membershipsTable,
    IndexName: 'byUser',
    KeyConditionExpression: '#userId = :userId',
    ExpressionAttributeNames: { '#userId': 'userId', '#spaceId': 'spaceId' },
    ExpressionAttributeValues: { ':userId': { S: userId } },
    ProjectionExpression: '#spaceId',
  });
  for await (const item of memberships) {
    const spaceId = item.spaceId.S ?? '';
    const outcome = await leaveSpace(context, spaceId, userId, summary);
    if (outcome === 'left') summary.left += 1;
    if (outcome === 'spaceDeleted') summary.spacesDeleted += 1;
    if (outcome === 'ownershipPassed') summary.ownershipPassed += 1;
  }
  return summary;
}

async function leaveSpace(
  context: CleanupContext,
  spaceId: string,
  userId: string,
  summary: { notesDeleted: number; commentsDeleted: number },
): Promise<LeaveOutcome> {
  const { dynamodb, config } = context;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    // The index may lag behind the table: read the membership itself, consistently.
    const membership = await getItem<Membership>(context, config.membershipsTable, { spaceId: { S: spaceId }, userId: { S: userId } });
    if (membership === undefined) return 'alreadyGone';
    const space = await getItem<{ id: string; memberCount: number; ownerId: string }>(context, config.spacesTable, { id: { S: spaceId } });
    try {
      if (space === undefined) {
        // A membership of a space that no longer exists: nothing to count, only the row to remove.
        await dynamodb.send(new DeleteItemCommand({ TableName: config.membershipsTable, ...deleteMembership(membership) }));
        return 'left';
      }
      if (space.memberCount <= 1) {
        const deleted = await deleteSpaceContents(context, spaceId);
        summary.notesDeleted += deleted.notes;
        summary.commentsDeleted += deleted.comments;
        await transact(context, [
          { Delete: { TableName: config.membershipsTable, ...deleteMembership(membership) } },
          {
            Delete: {
              TableName: config.spacesTable,
              Key: { id: { S: spaceId } },
              ConditionExpression: '#memberCount = :count',
              ExpressionAttributeNames: { '#memberCount': 'memberCount' },
              ExpressionAttributeValues: { ':count': { N: String(space.memberCount) } },
            },
          },
        ]);
        return 'spaceDeleted';
      }
      const successor = space.ownerId === userId ? await seniorMember(context, spaceId, userId) : undefined;
      await transact(context, [
        { Delete: { TableName: config.membershipsTable, ...deleteMembership(membership) } },
        { Update: { TableName: config.spacesTable, ...decrementMemberCount(spaceId, successor, userId) } },
        ...(successor === undefined ? [] : [{ Update: { TableName: config.membershipsTable, ...promoteToOwner(successor) } }]),
      ]);
      return successor === undefined ? 'left' : 'ownershipPassed';
    } catch (error) {
      // Someone changed the membership or the space since it was read: read both again.
      if (!isConditionFailure(error) && !cancellationCodes(error)?.includes('ConditionalCheckFailed')) throw error;
      context.logger.info('a membership or space changed during the cleanup; reading it again', { spaceId, userId, attempt });
    }
  }
  throw new ConcurrentChangeError(`Space ${spaceId} or ${userId}'s membership of it changed on each of ${MAX_ATTEMPTS} attempts to leave it.`);
}

async function getItem<T>(context: CleanupContext, tableName: string, key: Record<string, AttributeValue>): Promise<T | undefined> {
  const { Item } = await context.dynamodb.send(new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return Item === undefined ? undefined : (unmarshall(Item) as T);
}

async function transact(context: CleanupContext, items: TransactWriteItem[]): Promise<void> {
  await context.dynamodb.send(new TransactWriteItemsCommand({ TransactItems: items }));
}

/** The member who takes over an expired owner's shared space: the highest role, then the longest-standing. */
async function seniorMember(context: CleanupContext, spaceId: string, leavingUserId: string): Promise<Membership | undefined> {
  const members: Membership[] = [];
  const rows = queryPages(context.dynamodb, {
    TableName: context.config.membershipsTable,
    KeyConditionExpression: '#spaceId = :spaceId',
    ExpressionAttributeNames: { '#spaceId': 'spaceId' },
    ExpressionAttributeValues: { ':spaceId': { S: spaceId } },
    ConsistentRead: true,
  });
  for await (const row of rows) {
    const member = unmarshall(row) as Membership;
    if (member.userId !== leavingUserId) members.push(member);
  }
  members.sort(
    (a, b) => (ROLE_RANK[a.role] ?? 9) - (ROLE_RANK[b.role] ?? 9) || (a.joinedAt ?? '').localeCompare(b.joinedAt ?? '') || a.userId.localeCompare(b.userId),
  );
  return members[0];
}

function deleteMembership(membership: Membership) {
  return {
    Key: { spaceId: { S: membership.spaceId }, userId: { S: membership.userId } },
    ConditionExpression: '#role = :role',
    ExpressionAttributeNames: { '#role': 'role' },
    ExpressionAttributeValues: { ':role': { S: membership.role } },
  };
}

/** One member fewer; when the owner leaves, the successor becomes the space's owner in the same update. */
function decrementMemberCount(spaceId: string, successor: Membership | undefined, leavingUserId: string): Omit<Update, 'TableName'> {
  if (successor === undefined) {
    return {
      Key: { id: { S: spaceId } },
      UpdateExpression: 'SET #memberCount = #memberCount - :one',
      ConditionExpression: 'attribute_exists(#id)',
      ExpressionAttributeNames: { '#memberCount': 'memberCount', '#id': 'id' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
    };
  }
  return {
    Key: { id: { S: spaceId } },
    UpdateExpression: 'SET #memberCount = #memberCount - :one, #ownerId = :successor',
    ConditionExpression: '#ownerId = :leaving',
    ExpressionAttributeNames: { '#memberCount': 'memberCount', '#ownerId': 'ownerId' },
    ExpressionAttributeValues: { ':one': { N: '1' }, ':successor': { S: successor.userId }, ':leaving': { S: leavingUserId } },
  };
}

function promoteToOwner(successor: Membership): Omit<Update, 'TableName'> {
  return {
    Key: { spaceId: { S: successor.spaceId }, userId: { S: successor.userId } },
    UpdateExpression: 'SET #role = :owner',
    ConditionExpression: '#role = :role',
    ExpressionAttributeNames: { '#role': 'role' },
    ExpressionAttributeValues: { ':owner': { S: 'OWNER' }, ':role': { S: successor.role } },
  };
}
