// @dataSource Users
import { util, type Context, type DynamoDBTransactWriteItemsRequest } from '@aws-appsync/utils';
import type { User } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import type { ProfileChanges } from '../lib/profile-input';
import { PROFILE_DEFAULT_NAMES, PROFILE_DEFAULTS, expiresAtFromNow } from '../lib/users';

type TransactItem = DynamoDBTransactWriteItemsRequest['transactItems'][number];

const PROFILE_FIELDS = ['displayName', 'bio', 'avatar', 'handle'] as const;

// One transaction keeps handles unique: the user update, the claim of the new handle (fails if
// anyone holds it) and the release of the old one (only if it is the caller's) succeed or fail together.
export function request(ctx: Context): DynamoDBTransactWriteItemsRequest {
  const id = callerId(ctx);
  const changes = ctx.stash.changes as ProfileChanges;
  const current = ctx.prev.result as User | null;
  const currentHandle = current && current.handle ? current.handle : null;
  const newHandle = changes.handle === undefined ? currentHandle : changes.handle;
  const handleChanges = newHandle !== currentHandle;
  const now = util.time.nowISO8601();

  const items: TransactItem[] = [userUpdate(ctx, id, changes, handleChanges ? currentHandle : undefined, now)];
  if (handleChanges && newHandle) {
    ctx.stash.claimIndex = items.length;
    items.push({
      table: ctx.env.HANDLES_TABLE,
      operation: 'PutItem',
      key: util.dynamodb.toMapValues({ handle: newHandle }),
      attributeValues: util.dynamodb.toMapValues({ userId: id, claimedAt: now }),
      condition: {
        expression: 'attribute_not_exists(#handle)',
        expressionNames: { '#handle': 'handle' },
        returnValuesOnConditionCheckFailure: false,
      },
    });
  }
  if (handleChanges && currentHandle) {
    items.push({
      table: ctx.env.HANDLES_TABLE,
      operation: 'DeleteItem',
      key: util.dynamodb.toMapValues({ handle: currentHandle }),
      condition: {
        // A missing claim is released already; someone else's claim is never touched.
        expression: 'attribute_not_exists(#handle) OR #userId = :userId',
        expressionNames: { '#handle': 'handle', '#userId': 'userId' },
        expressionValues: util.dynamodb.toMapValues({ ':userId': id }),
        returnValuesOnConditionCheckFailure: false,
      },
    });
  }
  return { operation: 'TransactWriteItems', transactItems: items };
}

export function response(ctx: Context): null {
  if (ctx.error) {
    const reasons = ctx.result && ctx.result.cancellationReasons ? ctx.result.cancellationReasons : [];
    const claimIndex = ctx.stash.claimIndex;
    if (claimIndex !== undefined && reasons[claimIndex] && reasons[claimIndex].type === 'ConditionalCheckFailed') {
      util.error(`The handle "${ctx.stash.changes.handle}" is already taken.`, 'HandleTaken');
    }
    if (reasons[0] && reasons[0].type === 'ConditionalCheckFailed') {
      util.error('The profile changed while it was being saved; read it again and retry.', 'ProfileConflict');
    }
    util.error(ctx.error.message, ctx.error.type);
  }
  return null;
}

/**
 * The Users update: SET the given fields, REMOVE the cleared ones, and create the row's required
 * fields if updateProfile comes before the first `me`. When the handle changes, the row must still
 * hold the handle read in step 1, so two concurrent changes cannot both release the same claim.
 */
function userUpdate(
  ctx: Context,
  id: string,
  changes: ProfileChanges,
  expectedHandle: string | null | undefined,
  now: string,
): TransactItem {
  const sets = [PROFILE_DEFAULTS, '#updatedAt = :now'];
  const removes: string[] = [];
  const names: Record<string, string> = { ...PROFILE_DEFAULT_NAMES, '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':now': now, ':expiresAt': expiresAtFromNow(ctx) };
  for (const field of PROFILE_FIELDS) {
    const value = changes[field];
    if (value === null) {
      names[`#${field}`] = field;
      removes.push(`#${field}`);
    } else if (value !== undefined) {
      names[`#${field}`] = field;
      sets.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  const expression = removes.length > 0 ? `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}` : `SET ${sets.join(', ')}`;
  const item: TransactItem = {
    table: ctx.env.USERS_TABLE,
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ id }),
    update: { expression, expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) },
  };
  if (expectedHandle === undefined) return item;
  item.condition =
    expectedHandle === null
      ? {
          expression: 'attribute_not_exists(#handle)',
          expressionNames: { '#handle': 'handle' },
          returnValuesOnConditionCheckFailure: false,
        }
      : {
          expression: '#handle = :expectedHandle',
          expressionNames: { '#handle': 'handle' },
          expressionValues: util.dynamodb.toMapValues({ ':expectedHandle': expectedHandle }),
          returnValuesOnConditionCheckFailure: false,
        };
  return item;
}
