// TransactWriteItems: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html
// ctx.result is { keys: [key, in request order], cancellationReasons: null }. A failed condition
// returns the current item in its cancellation reason unless `returnValuesOnConditionCheckFailure`
// is false ("Transaction condition expressions").
import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { toItem, toJsonItem } from '../attribute-values';
import { MalformedRequestError } from '../errors';
import type { Operation } from '../operation-context';
import { ExpressionAttributes, readExpressionSection, type ExpressionSection } from '../request/expressions';
import {
  expectRecord,
  fieldPath,
  optionalBoolean,
  optionalRecord,
  rejectUnknownFields,
  requiredArray,
  requiredRecord,
  requiredString,
  type JsonRecord,
} from '../request/fields';
import { rejectOnVersionedSource } from './batch-write';
import { sendTransaction } from './transaction-errors';

const FIELDS: Record<string, readonly string[]> = {
  PutItem: ['table', 'operation', 'key', 'attributeValues', 'condition'],
  UpdateItem: ['table', 'operation', 'key', 'update', 'condition'],
  DeleteItem: ['table', 'operation', 'key', 'condition'],
  ConditionCheck: ['table', 'operation', 'key', 'condition'],
};

interface TransactCondition extends ExpressionSection {
  readonly returnValues: boolean;
}

function readTransactCondition(entry: JsonRecord, path: string, required: boolean): TransactCondition | undefined {
  const value = entry.condition;
  const at = fieldPath(path, 'condition');
  if (value === undefined || value === null) {
    if (required) throw new MalformedRequestError(`Value for field '${at}' not found.`);
    return undefined;
  }
  const condition = expectRecord(value, at);
  return { ...readExpressionSection(condition, at), returnValues: optionalBoolean(condition, 'returnValuesOnConditionCheckFailure', at) ?? true };
}

function conditionFields(condition: TransactCondition | undefined, ...sections: (ExpressionSection | undefined)[]) {
  const attributes = new ExpressionAttributes().add(condition);
  sections.forEach((section) => attributes.add(section));
  return {
    ConditionExpression: condition?.expression,
    ReturnValuesOnConditionCheckFailure: condition === undefined ? undefined : condition.returnValues ? ('ALL_OLD' as const) : ('NONE' as const),
    ...attributes.build(),
  };
}

function readWrite(value: unknown, path: string): { write: TransactWriteItem; key: JsonRecord } {
  const entry = expectRecord(value, path);
  const operation = requiredString(entry, 'operation', path);
  const allowed = FIELDS[operation];
  if (allowed === undefined) {
    throw new MalformedRequestError(`'${fieldPath(path, 'operation')}' must be PutItem, UpdateItem, DeleteItem or ConditionCheck, got '${operation}'.`);
  }
  rejectUnknownFields(entry, allowed, path);
  const TableName = requiredString(entry, 'table', path);
  const key = toItem(requiredRecord(entry, 'key', path), fieldPath(path, 'key'));
  const condition = readTransactCondition(entry, path, operation === 'ConditionCheck');
  let write: TransactWriteItem;
  if (operation === 'PutItem') {
    const attributes = toItem(optionalRecord(entry, 'attributeValues', path) ?? {}, fieldPath(path, 'attributeValues'));
    write = { Put: { TableName, Item: { ...attributes, ...key }, ...conditionFields(condition) } };
  } else if (operation === 'UpdateItem') {
    const update = readExpressionSection(requiredRecord(entry, 'update', path), fieldPath(path, 'update'));
    write = { Update: { TableName, Key: key, UpdateExpression: update.expression, ...conditionFields(condition, update) } };
  } else if (operation === 'DeleteItem') {
    write = { Delete: { TableName, Key: key, ...conditionFields(condition) } };
  } else {
    const check = conditionFields(condition);
    write = { ConditionCheck: { TableName, Key: key, ...check, ConditionExpression: check.ConditionExpression as string } };
  }
  return { write, key: toJsonItem(key) };
}

export const transactWriteItems: Operation = async (request, context) => {
  rejectOnVersionedSource('TransactWriteItems', context);
  rejectUnknownFields(request, ['version', 'operation', 'transactItems'], '$');
  const entries = requiredArray(request, 'transactItems', '$');
  if (entries.length === 0) throw new MalformedRequestError("At least one request item must be provided in '$[transactItems]'.");
  const writes = entries.map((entry, index) => readWrite(entry, fieldPath('$[transactItems]', index)));
  await sendTransaction(() => context.client.send(new TransactWriteItemsCommand({ TransactItems: writes.map(({ write }) => write) })), { keys: null });
  return { keys: writes.map(({ key }) => key), cancellationReasons: null };
};
