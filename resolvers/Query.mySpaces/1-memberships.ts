// @dataSource Memberships
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { QueryMySpacesArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import type { MembershipItem } from '../lib/membership';
import { pageFields } from '../lib/pagination';

// A page of the caller's memberships, from the byUser index (userId, spaceId): never a Scan.
export function request(ctx: Context<QueryMySpacesArgs>): DynamoDBQueryRequest {
  return {
    operation: 'Query',
    index: 'byUser',
    query: { expression: '#userId = :userId', expressionNames: { '#userId': 'userId' }, expressionValues: util.dynamodb.toMapValues({ ':userId': callerId(ctx) }) },
    ...pageFields(ctx.args.limit, ctx.args.nextToken),
  };
}

export function response(ctx: Context): MembershipItem[] {
  raiseDataSourceError(ctx);
  ctx.stash.nextToken = ctx.result.nextToken || null;
  return ctx.result.items;
}
