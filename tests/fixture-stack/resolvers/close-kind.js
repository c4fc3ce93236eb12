// A mutation that ends the subscriptions watching one kind.
import { extensions } from '@aws-appsync/utils';

export function request(ctx) {
  return { payload: ctx.args.kind };
}

export function response(ctx) {
  extensions.invalidateSubscriptions({ subscriptionField: 'onLabelledPut', payload: { kind: ctx.result } });
  return ctx.result;
}
