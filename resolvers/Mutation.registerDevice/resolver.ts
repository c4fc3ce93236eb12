import type { Context } from '@aws-appsync/utils';
import type { Device, MutationRegisterDeviceArgs } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import { deviceItem } from '../lib/devices';

// Validates the input before anything is written; the put works from ctx.stash.device.
export function request(ctx: Context<MutationRegisterDeviceArgs>): Record<string, never> {
  ctx.stash.device = deviceItem(callerId(ctx), ctx.args.input);
  return {};
}

export function response(ctx: Context): Device {
  return ctx.prev.result;
}
