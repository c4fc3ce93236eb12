// @dataSource Memberships
import { util, type Context, type DynamoDBQueryRequest } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import type { MembershipItem } from '../lib/membership';
import { MAX_PAGE_SIZE } from '../lib/pagination';

// The caller's spaces from the byUser index (userId, spaceId). A delta sync filters on all of them
// (at most 100: the IN operator's limit); a base sync needs only the space it is on and the next.
export function request(ctx: Context): DynamoDBQueryRequest {
  const sync = ctx.stash.sync;
  const userId = callerId(ctx);
  if (sync.phase === 'base') {
    return {
      operation: 'Query',
      index: 'byUser',
      query: {
        expression: '#userId = :userId AND #spaceId >= :from',
        expressionNames: { '#userId': 'userId', '#spaceId': 'spaceId' },
        expressionValues: util.dynamodb.toMapValues({ ':userId': userId, ':from': sync.spaceId }),
      },
      limit: 2,
    };
  }
  return {
    operation: 'Query',
    index: 'byUser',
    query: { expression: '#userId = :userId', expressionNames: { '#userId': 'userId' }, expressionValues: util.dynamodb.toMapValues({ ':userId': userId }) },
    limit: MAX_PAGE_SIZE,
  };
}

/** `more`: the caller has spaces beyond these (then a delta filter could not name them all). */
export function response(ctx: Context): { spaceIds: string[]; more: boolean } {
  raiseDataSourceError(ctx);
  return { spaceIds: (ctx.result.items as MembershipItem[]).map((membership) => membership.spaceId), more: !!ctx.result.nextToken };
}
