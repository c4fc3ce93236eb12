// HTTP: a GET on the configured endpoint; any status is a result the response handler reads.
import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    method: 'GET',
    resourcePath: ctx.args.path,
    params: { query: { from: 'fixture' }, headers: { 'x-fixture': 'http-data-source' } },
  };
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { statusCode: ctx.result.statusCode, body: ctx.result.body };
}
