import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import type { CleanupContext } from './cleanup-context';
import { queryPages } from '../shared/query-pages';

/** Deletes the user's registered devices (Devices key userId + deviceId); a device already gone is no error. */
export async function deleteDevices(context: CleanupContext, userId: string): Promise<number> {
  const { dynamodb, config } = context;
  let deleted = 0;
  const devices = queryPages(dynamodb, {
    TableName: config.devicesTable,
    KeyConditionExpression: '#userId = :userId',
    ExpressionAttributeNames: { '#userId': 'userId', '#deviceId': 'deviceId' },
    ExpressionAttributeValues: { ':userId': { S: userId } },
    ProjectionExpression: '#userId, #deviceId',
    ConsistentRead: true,
  });
  for await (const key of devices) {
    await dynamodb.send(new DeleteItemCommand({ TableName: config.devicesTable, Key: key }));
    deleted += 1;
  }
  return deleted;
}
