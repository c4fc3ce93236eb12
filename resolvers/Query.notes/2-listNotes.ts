// @dataSource Notes
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import type { NoteConnection, QueryNotesArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { pageFields } from '../lib/pagination';

// A page of the space's notes from the bySpace index (spaceId, updatedAt), most recently updated
// first. Tombstones are filtered out; as with any DynamoDB filter, a page may then hold fewer than
// `limit` notes while nextToken still leads on.
export function request(ctx: Context<QueryNotesArgs>): DynamoDBQueryRequest {
  return {
    operation: 'Query',
    index: 'bySpace',
    query: { expression: '#spaceId = :spaceId', expressionNames: { '#spaceId': 'spaceId' }, expressionValues: util.dynamodb.toMapValues({ ':spaceId': ctx.args.spaceId }) },
    filter: { expression: 'attribute_not_exists(#deleted) OR #deleted = :false', expressionNames: { '#deleted': '_deleted' }, expressionValues: util.dynamodb.toMapValues({ ':false': false }) },
    scanIndexForward: false,
    ...pageFields(ctx.args.limit, ctx.args.nextToken),
  };
}

export function response(ctx: Context): NoteConnection {
  raiseDataSourceError(ctx);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken || null };
}
