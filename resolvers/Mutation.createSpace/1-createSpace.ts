// @dataSource Spaces
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import type { Space } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import type { SpaceInput } from '../lib/space-input';

// The space and its OWNER membership are written together, so no space is ever without its owner.
export function request(ctx: Context): DynamoDBTransactWriteItemsRequest {
  const ownerId = callerId(ctx);
  const input = ctx.stash.input as SpaceInput;
  const now = util.time.nowISO8601();
  const space = { id: util.autoId(), ...input, ownerId, memberCount: 1, createdAt: now, updatedAt: now };
  ctx.stash.space = space;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table: ctx.env.SPACES_TABLE,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ id: space.id }),
        attributeValues: util.dynamodb.toMapValues({ ...input, ownerId, memberCount: 1, createdAt: now, updatedAt: now }),
        condition: { expression: 'attribute_not_exists(#id)', expressionNames: { '#id': 'id' }, returnValuesOnConditionCheckFailure: false },
      },
      {
        table: ctx.env.MEMBERSHIPS_TABLE,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ spaceId: space.id, userId: ownerId }),
        attributeValues: util.dynamodb.toMapValues({ role: 'OWNER', joinedAt: now }),
        condition: { expression: 'attribute_not_exists(#userId)', expressionNames: { '#userId': 'userId' }, returnValuesOnConditionCheckFailure: false },
      },
    ],
  };
}

// TransactWriteItems returns no item: the space is what was written, and the caller is its OWNER.
export function response(ctx: Context): Space {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
  return { ...ctx.stash.space, myRole: 'OWNER' };
}
