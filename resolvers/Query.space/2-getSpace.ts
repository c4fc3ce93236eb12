// @dataSource Spaces
import { runtime, util, type Context, type DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QuerySpaceArgs, Space } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';

export function request(ctx: Context<QuerySpaceArgs>): DynamoDBGetItemRequest {
  if (!ctx.prev.result) {
    runtime.earlyReturn(null);
  }
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ id: ctx.args.id }) };
}

export function response(ctx: Context): Space | null {
  raiseDataSourceError(ctx);
  return ctx.result ? { ...ctx.result, myRole: ctx.stash.role } : null;
}
