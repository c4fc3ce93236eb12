import { util } from '@aws-appsync/utils';
import type { Platform, RegisterDeviceInput } from '../__generated__/schema-types';

/** A row of the Devices table (key `userId` + `deviceId`); the key's userId is always the caller's sub. */
export type DeviceItem = {
  userId: string;
  deviceId: string;
  platform: Platform;
  pushToken?: string;
  lastSeenAt: string;
  expiresAt: number;
};

/** A registration lapses unless the device is seen again within this many days. */
export const DEVICE_TTL_DAYS = 60;
const SECONDS_PER_DAY = 86400;

/** App installation ids: UUIDs, vendor ids and the like. */
export const DEVICE_ID_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';
/**
 * APNs tokens are hex, FCM tokens letters, digits, `:`, `_` and `-`, a web push subscription an
 * endpoint URL: printable ASCII without spaces covers them all. The bound keeps a device row within
 * a few write units.
 */
export const PUSH_TOKEN_PATTERN = '^[!-~]{1,2048}$';

/** Checks a device id; raises a ValidationError that says what was received. */
export function deviceId(value: string): string {
  if (!util.matches(DEVICE_ID_PATTERN, value)) {
    util.error(
      `deviceId must be 1 to 128 letters, digits, '.', '_', ':' or '-' (received ${value.length} characters: "${value.slice(0, 40)}").`,
      'ValidationError',
    );
  }
  return value;
}

/** The row registerDevice writes for the caller: seen now, lapsing DEVICE_TTL_DAYS from now. */
export function deviceItem(userId: string, input: RegisterDeviceInput): DeviceItem {
  const item: DeviceItem = {
    userId,
    deviceId: deviceId(input.deviceId),
    platform: input.platform,
    lastSeenAt: util.time.nowISO8601(),
    expiresAt: util.time.nowEpochSeconds() + DEVICE_TTL_DAYS * SECONDS_PER_DAY,
  };
  if (input.pushToken !== undefined && input.pushToken !== null) {
    item.pushToken = pushToken(input.pushToken);
  }
  return item;
}

function pushToken(value: string): string {
  if (!util.matches(PUSH_TOKEN_PATTERN, value)) {
    util.error(
      `pushToken must be 1 to 2048 printable ASCII characters without spaces; omit it when the user declined notifications (received ${value.length} characters).`,
      'ValidationError',
    );
  }
  return value;
}
