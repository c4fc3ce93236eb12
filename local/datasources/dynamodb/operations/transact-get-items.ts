// TransactGetItems: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html
// ctx.result is { items: [item or null, in request order], cancellationReasons: null }.
import { TransactGetItemsCommand, type TransactGetItem } from '@aws-sdk/client-dynamodb';
import { toItem, toJsonItemOrNull } from '../attribute-values';
import { MalformedRequestError } from '../errors';
import type { Operation } from '../operation-context';
import { ExpressionAttributes, readOptionalSection } from '../request/expressions';
import { expectRecord, fieldPath, rejectUnknownFields, requiredArray, requiredRecord, requiredString } from '../request/fields';
import { sendTransaction } from './transaction-errors';

function readGet(value: unknown, path: string): TransactGetItem {
  const entry = expectRecord(value, path);
  rejectUnknownFields(entry, ['table', 'key', 'projection'], path);
  const projection = readOptionalSection(entry, 'projection', path, false);
  return {
    Get: {
      TableName: requiredString(entry, 'table', path),
      Key: toItem(requiredRecord(entry, 'key', path), fieldPath(path, 'key')),
      ProjectionExpression: projection?.expression,
      ...(projection === undefined ? {} : { ExpressionAttributeNames: new ExpressionAttributes().add(projection).build().ExpressionAttributeNames }),
    },
  };
}

export const transactGetItems: Operation = async (request, { client }) => {
  rejectUnknownFields(request, ['version', 'operation', 'transactItems'], '$');
  const entries = requiredArray(request, 'transactItems', '$');
  if (entries.length === 0) throw new MalformedRequestError("At least one request item must be provided in '$[transactItems]'.");
  const items = entries.map((entry, index) => readGet(entry, fieldPath('$[transactItems]', index)));
  const output = await sendTransaction(() => client.send(new TransactGetItemsCommand({ TransactItems: items })), { items: null });
  return { items: (output.Responses ?? []).map((response) => toJsonItemOrNull(response.Item)), cancellationReasons: null };
};
