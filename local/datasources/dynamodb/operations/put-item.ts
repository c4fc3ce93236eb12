// PutItem: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
// ctx.result is the item written (key and attributeValues, plus versioning metadata).
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { toItem, toJsonItem, type Item } from '../attribute-values';
import { sendConditional } from '../conditional-failure';
import type { Operation } from '../operation-context';
import { andConditions, readCondition } from '../request/condition';
import { ExpressionAttributes } from '../request/expressions';
import { optionalRecord, rejectUnknownFields, requiredRecord } from '../request/fields';
import { rejectUnsupportedFields } from '../request/unsupported';
import { recordChange } from '../versioning/delta-record';
import { numberValue, readExpectedVersion, rejectMetadataWrites, rejectVersionOnPlainSource, versionGuard } from '../versioning/metadata';

const FIELDS = ['version', 'operation', 'key', 'attributeValues', 'condition', 'customPartitionKey', 'populateIndexFields', '_version'];

export const putItem: Operation = async (request, context) => {
  rejectUnknownFields(request, FIELDS, '$');
  rejectUnsupportedFields(request, ['customPartitionKey', 'populateIndexFields'], 'PutItem');
  const key = toItem(requiredRecord(request, 'key', '$'), '$[key]');
  const attributes = toItem(optionalRecord(request, 'attributeValues', '$') ?? {}, '$[attributeValues]');
  const condition = readCondition(request, '$');
  const now = context.clock.now();

  const versioned = context.versioning !== undefined;
  if (versioned) rejectMetadataWrites(Object.keys(attributes));
  else rejectVersionOnPlainSource(request);
  const expectedVersion = versioned ? readExpectedVersion(request) : undefined;
  const guard = versioned ? versionGuard(key, expectedVersion) : undefined;
  const written: Item = {
    ...attributes,
    ...key,
    ...(versioned ? { _version: numberValue((expectedVersion ?? 0) + 1), _lastChangedAt: numberValue(now.getTime()) } : {}),
  };

  return sendConditional(
    context,
    { operation: 'PutItem', key, condition, attempted: written, expectedVersion },
    () =>
      context.client.send(
        new PutItemCommand({
          TableName: context.tableName,
          Item: written,
          ConditionExpression: andConditions(condition?.expression, guard?.expression),
          ...new ExpressionAttributes().add(condition).add(guard).build(),
        }),
      ),
    async () => {
      if (versioned) await recordChange(context, written, key, now);
      return toJsonItem(written);
    },
  );
};
