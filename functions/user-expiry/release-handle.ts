import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import type { CleanupContext } from './cleanup-context';
import { isConditionFailure } from './sdk-errors';

/**
 * Frees the handle the user had claimed (Handles key `handle`, owner in `userId`), so someone else
 * may take it, with the condition updateProfile uses: a claim already released is no error, and a
 * claim that now belongs to someone else is never touched. Returns whether it deleted a claim.
 */
export async function releaseHandle(context: CleanupContext, userId: string, handle: string | undefined): Promise<boolean> {
  if (handle === undefined) return false;
  try {
    const { Attributes } = await context.dynamodb.send(
      new DeleteItemCommand({
        TableName: context.config.handlesTable,
        Key: { handle: { S: handle } },
        ConditionExpression: 'attribute_not_exists(#handle) OR #userId = :userId',
        ExpressionAttributeNames: { '#handle': 'handle', '#userId': 'userId' },
        ExpressionAttributeValues: { ':userId': { S: userId } },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes !== undefined;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
