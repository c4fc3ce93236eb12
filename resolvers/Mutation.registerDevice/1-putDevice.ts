// @dataSource Devices
import { util, type Context, type DynamoDBPutItemRequest } from '@aws-appsync/utils';
import type { Device } from '../__generated__/schema-types';
import type { DeviceItem } from '../lib/devices';
import { raiseDataSourceError } from '../lib/errors';

// An upsert: the whole row is replaced, so a re-registration without a pushToken drops the old one.
// The key is the caller's sub and the device id, so a caller only ever writes their own devices.
export function request(ctx: Context): DynamoDBPutItemRequest {
  const { userId, deviceId, ...attributes } = ctx.stash.device as DeviceItem;
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ userId, deviceId }),
    attributeValues: util.dynamodb.toMapValues(attributes),
  };
}

// PutItem returns the item as written.
export function response(ctx: Context): Device {
  raiseDataSourceError(ctx);
  return ctx.result;
}
