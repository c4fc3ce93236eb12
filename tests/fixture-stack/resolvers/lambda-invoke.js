// AWS_LAMBDA Invoke with the field's arguments; a function error becomes this field's error.
import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return { operation: 'Invoke', payload: ctx.args };
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
