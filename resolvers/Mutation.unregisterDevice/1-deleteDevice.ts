// @dataSource Devices
import { util, type Context, type DynamoDBDeleteItemRequest } from '@aws-appsync/utils';
import type { Device } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';

// The key is the caller's sub and the device id, so a caller only ever deletes their own devices:
// another user's device id finds nothing here.
export function request(ctx: Context): DynamoDBDeleteItemRequest {
  return { operation: 'DeleteItem', key: util.dynamodb.toMapValues({ userId: callerId(ctx), deviceId: ctx.stash.deviceId }) };
}

// DeleteItem returns the deleted item, or null when there was none.
export function response(ctx: Context): Device {
  raiseDataSourceError(ctx);
  if (!ctx.result) {
    util.error(`You have no device ${ctx.stash.deviceId}.`, 'DeviceNotFound');
  }
  return ctx.result;
}
