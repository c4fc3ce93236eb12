// @dataSource Spaces
import { runtime, util, type Context, type DynamoDBBatchGetItemRequest } from '@aws-appsync/utils';
import type { Space, SpaceConnection } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import type { MembershipItem } from '../lib/membership';

// The spaces of the page of memberships, in one BatchGetItem (a page holds at most 100, the
// BatchGetItem limit).
export function request(ctx: Context): DynamoDBBatchGetItemRequest {
  const memberships = ctx.prev.result as MembershipItem[];
  if (memberships.length === 0) {
    runtime.earlyReturn({ items: [], nextToken: ctx.stash.nextToken });
  }
  return {
    operation: 'BatchGetItem',
    tables: { [ctx.env.SPACES_TABLE]: { keys: memberships.map((membership) => util.dynamodb.toMapValues({ id: membership.spaceId })), consistentRead: false } },
  };
}

// BatchGetItem answers in request order, with null for a key it did not find: a space deleted since
// the membership was read is left out.
export function response(ctx: Context): SpaceConnection {
  raiseDataSourceError(ctx);
  const table = ctx.env.SPACES_TABLE;
  const unprocessed = ctx.result.unprocessedKeys[table] || [];
  if (unprocessed.length > 0) {
    util.error(`DynamoDB left ${unprocessed.length} of the spaces unread (throttled); retry the query.`, 'Throttled');
  }
  const memberships = ctx.prev.result as MembershipItem[];
  const spaces = ctx.result.data[table] as (Space | null)[];
  const items: Space[] = [];
  spaces.forEach((space, index) => {
    if (space) items.push({ ...space, myRole: memberships[index].role });
  });
  return { items, nextToken: ctx.stash.nextToken };
}
