// AWS_LAMBDA BatchInvoke: one payload per Item; the data source groups them by maxBatchSize.
import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return { operation: 'BatchInvoke', payload: { id: ctx.source.id } };
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
