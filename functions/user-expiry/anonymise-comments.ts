import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { CleanupContext } from './cleanup-context';
import { queryPages } from '../shared/query-pages';
import { isConditionFailure } from './sdk-errors';

/**
 * The expired user's comments keep their body but lose their author (sparse `byAuthor` index on
 * Comments). The condition makes a re-delivery, or an index entry that lags behind, a no-op.
 */
export async function anonymiseComments(context: CleanupContext, userId: string): Promise<number> {
  const { dynamodb, config } = context;
  let changed = 0;
  const authored = queryPages(dynamodb, {
    TableName: config.commentsTable,
    IndexName: 'byAuthor',
    KeyConditionExpression: '#authorId = :authorId',
    ExpressionAttributeNames: { '#authorId': 'authorId', '#noteId': 'noteId', '#sk': 'sk' },
    ExpressionAttributeValues: { ':authorId': { S: userId } },
    ProjectionExpression: '#noteId, #sk',
  });
  for await (const key of authored) {
    try {
      await dynamodb.send(
        new UpdateItemCommand({
          TableName: config.commentsTable,
          Key: key,
          UpdateExpression: 'REMOVE #authorId',
          ConditionExpression: '#authorId = :authorId',
          ExpressionAttributeNames: { '#authorId': 'authorId' },
          ExpressionAttributeValues: { ':authorId': { S: userId } },
        }),
      );
      changed += 1;
    } catch (error) {
      // Already anonymised or deleted: nothing left to do for this comment.
      if (!isConditionFailure(error)) throw error;
    }
  }
  return changed;
}
