// UpdateItem: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-updateitem.html
// ctx.result is the whole item after the update.
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { toItem, toJsonItemOrNull } from '../attribute-values';
import { sendConditional } from '../conditional-failure';
import type { Operation } from '../operation-context';
import { andConditions, readCondition } from '../request/condition';
import { attributeNamesIn, ExpressionAttributes, readExpressionSection, type ExpressionSection } from '../request/expressions';
import { rejectUnknownFields, requiredRecord } from '../request/fields';
import { rejectUnsupportedFields } from '../request/unsupported';
import { appendSetActions } from '../request/update-expression';
import { recordChange } from '../versioning/delta-record';
import {
  LAST_CHANGED_AT,
  METADATA_NAMES,
  numberValue,
  readExpectedVersion,
  rejectMetadataWrites,
  rejectVersionOnPlainSource,
  VERSION,
  versionGuard,
} from '../versioning/metadata';

const FIELDS = ['version', 'operation', 'key', 'update', 'condition', 'customPartitionKey', 'populateIndexFields', '_version'];

/** The resolver's update plus the version bump and change time of a versioned data source. */
function versionedUpdate(update: ExpressionSection, now: Date): ExpressionSection {
  rejectMetadataWrites(attributeNamesIn(update));
  return {
    expression: appendSetActions(update.expression, [
      `${VERSION} = if_not_exists(${VERSION}, :__zero) + :__one`,
      `${LAST_CHANGED_AT} = :__now`,
    ]),
    names: { ...update.names, [VERSION]: METADATA_NAMES[VERSION], [LAST_CHANGED_AT]: METADATA_NAMES[LAST_CHANGED_AT] },
    values: { ...update.values, ':__zero': numberValue(0), ':__one': numberValue(1), ':__now': numberValue(now.getTime()) },
  };
}

export const updateItem: Operation = async (request, context) => {
  rejectUnknownFields(request, FIELDS, '$');
  rejectUnsupportedFields(request, ['customPartitionKey', 'populateIndexFields'], 'UpdateItem');
  const key = toItem(requiredRecord(request, 'key', '$'), '$[key]');
  const requested = readExpressionSection(requiredRecord(request, 'update', '$'), '$[update]');
  const condition = readCondition(request, '$');
  const now = context.clock.now();

  const versioned = context.versioning !== undefined;
  if (!versioned) rejectVersionOnPlainSource(request);
  const expectedVersion = versioned ? readExpectedVersion(request) : undefined;
  const update = versioned ? versionedUpdate(requested, now) : requested;
  const guard = versioned ? versionGuard(key, expectedVersion) : undefined;

  return sendConditional(
    context,
    { operation: 'UpdateItem', key, condition, expectedVersion },
    () =>
      context.client.send(
        new UpdateItemCommand({
          TableName: context.tableName,
          Key: key,
          UpdateExpression: update.expression,
          ConditionExpression: andConditions(condition?.expression, guard?.expression),
          ReturnValues: 'ALL_NEW',
          ...new ExpressionAttributes().add(update).add(condition).add(guard).build(),
        }),
      ),
    async (output) => {
      if (versioned && output.Attributes !== undefined) await recordChange(context, output.Attributes, key, now);
      return toJsonItemOrNull(output.Attributes);
    },
  );
};
