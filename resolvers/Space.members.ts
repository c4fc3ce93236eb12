// @dataSource Memberships
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { MembershipConnection, Space, SpaceMembersArgs } from './__generated__/schema-types';
import { raiseDataSourceError } from './lib/errors';
import { pageFields } from './lib/pagination';

// A page of the space's memberships. A Space is only ever resolved for a member (space, mySpaces,
// createSpace authorize first), so the parent has been authorized already.
export function request(ctx: Context<SpaceMembersArgs>): DynamoDBQueryRequest {
  return {
    operation: 'Query',
    query: { expression: '#spaceId = :spaceId', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: util.dynamodb.toMapValues({ ':spaceId': (ctx.source as Space).id }) },
    ...pageFields(ctx.args.limit, ctx.args.nextToken),
  };
}

export function response(ctx: Context): MembershipConnection {
  raiseDataSourceError(ctx);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken || null };
}
