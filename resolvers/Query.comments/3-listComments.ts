// @dataSource Comments
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { CommentConnection, QueryCommentsArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { pageFields } from '../lib/pagination';

// A page of the note's comments, oldest first: the sort key starts with createdAt.
export function request(ctx: Context<QueryCommentsArgs>): DynamoDBQueryRequest {
  return {
    operation: 'Query',
    query: { expression: '#noteId = :noteId', expressionNames: { '#noteId': 'noteId' }, expressionValues: util.dynamodb.toMapValues({ ':noteId': ctx.args.noteId }) },
    scanIndexForward: true,
    ...pageFields(ctx.args.limit, ctx.args.nextToken),
  };
}

export function response(ctx: Context): CommentConnection {
  raiseDataSourceError(ctx);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken || null };
}
