import type { Context } from '@aws-appsync/utils';
import type { Device, MutationUnregisterDeviceArgs } from '../__generated__/schema-types';
import { deviceId } from '../lib/devices';

// Validates the device id before anything is written.
export function request(ctx: Context<MutationUnregisterDeviceArgs>): Record<string, never> {
  ctx.stash.deviceId = deviceId(ctx.args.deviceId);
  return {};
}

export function response(ctx: Context): Device {
  return ctx.prev.result;
}
