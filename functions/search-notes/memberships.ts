// The spaces a caller belongs to, from the Memberships table's byUser index. Every role may read, so
// every membership counts.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { queryPages, TooManyPagesError } from '../shared/query-pages';
import { SearchUnavailableError } from './errors';

export const BY_USER_INDEX = 'byUser';
/** A bound on the pages read, so a runaway loop cannot hold the function until its timeout. */
const MAX_PAGES = 50;

/** Every space id the user is a member of, reading the index to its end. */
export async function memberSpaceIds(dynamodb: DynamoDBClient, table: string, userId: string): Promise<string[]> {
  const input = {
    TableName: table,
    IndexName: BY_USER_INDEX,
    KeyConditionExpression: 'userId = :userId',
    ExpressionAttributeValues: { ':userId': { S: userId } },
    ProjectionExpression: 'spaceId',
  };
  const spaceIds: string[] = [];
  try {
    for await (const item of queryPages(dynamodb, input, MAX_PAGES)) {
      const spaceId = item.spaceId?.S;
      if (spaceId !== undefined) spaceIds.push(spaceId);
    }
  } catch (cause) {
    if (cause instanceof TooManyPagesError) throw new SearchUnavailableError(`Your memberships span more than ${MAX_PAGES} pages; search cannot cover them all.`);
    throw new SearchUnavailableError('Could not read your memberships; try again.', { cause });
  }
  return spaceIds;
}
