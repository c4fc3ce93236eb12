// DeleteItem: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
// ctx.result is the deleted item (null if there was none).
// On a versioned data source a delete leaves a tombstone (`_deleted: true`, `_ttl` = now +
// BaseTableTTL minutes) unless BaseTableTTL is 0, which removes the item at once:
// https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
import { DeleteItemCommand, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { toItem, toJsonItem, toJsonItemOrNull, type Item } from '../attribute-values';
import { sendConditional } from '../conditional-failure';
import { callDynamoDb } from '../errors';
import type { Operation, OperationContext } from '../operation-context';
import { andConditions, readCondition, type ConditionSection } from '../request/condition';
import { ExpressionAttributes, type ExpressionSection } from '../request/expressions';
import { rejectUnknownFields, requiredRecord, type JsonRecord } from '../request/fields';
import { rejectUnsupportedFields } from '../request/unsupported';
import { recordChange } from '../versioning/delta-record';
import {
  conflictError,
  DELETED,
  LAST_CHANGED_AT,
  METADATA_NAMES,
  numberValue,
  readExpectedVersion,
  rejectVersionOnPlainSource,
  TTL,
  VERSION,
} from '../versioning/metadata';

const FIELDS = ['version', 'operation', 'key', 'condition', 'customPartitionKey', 'populateIndexFields', '_version'];

async function plainDelete(context: OperationContext, key: Item, condition: ConditionSection | undefined): Promise<unknown> {
  return sendConditional(
    context,
    { operation: 'DeleteItem', key, condition },
    () =>
      context.client.send(
        new DeleteItemCommand({
          TableName: context.tableName,
          Key: key,
          ConditionExpression: condition?.expression,
          ReturnValues: 'ALL_OLD',
          ...new ExpressionAttributes().add(condition).build(),
        }),
      ),
    async (output) => toJsonItemOrNull(output.Attributes),
  );
}

const versionMatches = (expected: number): ExpressionSection => ({
  expression: `${VERSION} = :__expectedVersion`,
  names: { [VERSION]: METADATA_NAMES[VERSION] },
  values: { ':__expectedVersion': numberValue(expected) },
});

function tombstoneUpdate(now: Date, baseTableTtl: number | null): ExpressionSection {
  const ttl = baseTableTtl === null ? [] : [`${TTL} = :__ttl`];
  return {
    expression: `SET ${[`${DELETED} = :__true`, `${VERSION} = ${VERSION} + :__one`, `${LAST_CHANGED_AT} = :__now`, ...ttl].join(', ')}`,
    names: {
      [DELETED]: METADATA_NAMES[DELETED],
      [VERSION]: METADATA_NAMES[VERSION],
      [LAST_CHANGED_AT]: METADATA_NAMES[LAST_CHANGED_AT],
      ...(baseTableTtl === null ? {} : { [TTL]: METADATA_NAMES[TTL] }),
    },
    values: {
      ':__true': { BOOL: true },
      ':__one': numberValue(1),
      ':__now': numberValue(now.getTime()),
      ...(baseTableTtl === null ? {} : { ':__ttl': numberValue(Math.floor(now.getTime() / 1000) + baseTableTtl * 60) }),
    },
  };
}

async function versionedDelete(context: OperationContext, request: JsonRecord, key: Item, condition: ConditionSection | undefined): Promise<unknown> {
  const expectedVersion = readExpectedVersion(request);
  if (expectedVersion === undefined) {
    // Without `_version` nothing on the server may be deleted: an existing item is a conflict.
    const { Item: current } = await callDynamoDb(() =>
      context.client.send(new GetItemCommand({ TableName: context.tableName, Key: key, ConsistentRead: true })),
    );
    if (current === undefined) return null;
    throw conflictError(current);
  }
  const now = context.clock.now();
  const guard = versionMatches(expectedVersion);
  const conditionExpression = andConditions(condition?.expression, guard.expression);
  const write = { operation: 'DeleteItem' as const, key, condition, expectedVersion };
  const baseTableTtl = context.versioning?.deltaSync?.baseTableTtl ?? null;

  if (baseTableTtl === 0) {
    return sendConditional(
      context,
      write,
      () =>
        context.client.send(
          new DeleteItemCommand({
            TableName: context.tableName,
            Key: key,
            ConditionExpression: conditionExpression,
            ReturnValues: 'ALL_OLD',
            ...new ExpressionAttributes().add(condition).add(guard).build(),
          }),
        ),
      async (output) => {
        const removed: Item = {
          ...(output.Attributes ?? key),
          _deleted: { BOOL: true },
          _version: numberValue(expectedVersion + 1),
          _lastChangedAt: numberValue(now.getTime()),
        };
        await recordChange(context, removed, key, now);
        return toJsonItem(removed);
      },
    );
  }

  const update = tombstoneUpdate(now, baseTableTtl);
  return sendConditional(
    context,
    write,
    () =>
      context.client.send(
        new UpdateItemCommand({
          TableName: context.tableName,
          Key: key,
          UpdateExpression: update.expression,
          ConditionExpression: conditionExpression,
          ReturnValues: 'ALL_NEW',
          ...new ExpressionAttributes().add(update).add(condition).add(guard).build(),
        }),
      ),
    async (output) => {
      const tombstone = output.Attributes ?? key;
      await recordChange(context, tombstone, key, now);
      return toJsonItem(tombstone);
    },
  );
}

export const deleteItem: Operation = async (request, context) => {
  rejectUnknownFields(request, FIELDS, '$');
  rejectUnsupportedFields(request, ['customPartitionKey', 'populateIndexFields'], 'DeleteItem');
  const key = toItem(requiredRecord(request, 'key', '$'), '$[key]');
  const condition = readCondition(request, '$');
  if (context.versioning === undefined) {
    rejectVersionOnPlainSource(request);
    return plainDelete(context, key, condition);
  }
  return versionedDelete(context, request, key, condition);
};
