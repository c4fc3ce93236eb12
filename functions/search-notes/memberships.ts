// The spaces a caller belongs to, from the Memberships table's byUser index. Every role may read, so
// every membership counts.
import { QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SearchUnavailableError } from './errors';

export const BY_USER_INDEX = 'byUser';
/** A bound on the pages read, so a runaway loop cannot hold the function until its timeout. */
const MAX_PAGES = 50;

/** Every space id the user is a member of, reading the index to its end. */
export async function memberSpaceIds(dynamodb: DynamoDBClient, table: string, userId: string): Promise<string[]> {
  const spaceIds: string[] = [];
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const output = await dynamodb
      .send(
        new QueryCommand({
          TableName: table,
          IndexName: BY_USER_INDEX,
          KeyConditionExpression: 'userId = :userId',
          ExpressionAttributeValues: { ':userId': { S: userId } },
          ProjectionExpression: 'spaceId',
          ExclusiveStartKey: startKey,
        }),
      )
      .catch((cause: unknown) => {
        throw new SearchUnavailableError('Could not read your memberships; try again.', { cause });
      });
    for (const item of output.Items ?? []) {
      const spaceId = item.spaceId?.S;
      if (spaceId !== undefined) spaceIds.push(spaceId);
    }
    startKey = output.LastEvaluatedKey;
    if (startKey === undefined) return spaceIds;
  }
  throw new SearchUnavailableError(`Your memberships span more than ${MAX_PAGES} pages; search cannot cover them all.`);
}
