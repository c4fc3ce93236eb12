// GetItem: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-getitem.html
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { toItem, toJsonItemOrNull } from '../attribute-values';
import { callDynamoDb } from '../errors';
import type { Operation } from '../operation-context';
import { ExpressionAttributes, readOptionalSection } from '../request/expressions';
import { optionalBoolean, rejectUnknownFields, requiredRecord } from '../request/fields';

const FIELDS = ['version', 'operation', 'key', 'consistentRead', 'projection'];

export const getItem: Operation = async (request, { client, tableName }) => {
  rejectUnknownFields(request, FIELDS, '$');
  const key = toItem(requiredRecord(request, 'key', '$'), '$[key]');
  const projection = readOptionalSection(request, 'projection', '$', false);
  const output = await callDynamoDb(() =>
    client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: key,
        ConsistentRead: optionalBoolean(request, 'consistentRead', '$') ?? false,
        ProjectionExpression: projection?.expression,
        ...new ExpressionAttributes().add(projection).build(),
      }),
    ),
  );
  return toJsonItemOrNull(output.Item);
};
