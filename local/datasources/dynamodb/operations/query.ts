// Query: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html
// ctx.result is { items, nextToken, scannedCount }.
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { toJsonItem } from '../attribute-values';
import { callDynamoDb } from '../errors';
import type { Operation } from '../operation-context';
import { pageScope, pageToken, startKey } from '../pagination-token';
import { ExpressionAttributes, readExpressionSection, readOptionalSection } from '../request/expressions';
import { optionalBoolean, optionalString, rejectUnknownFields, requiredRecord } from '../request/fields';
import { readLimit, readSelect } from '../request/paging';

const FIELDS = ['version', 'operation', 'query', 'index', 'nextToken', 'limit', 'scanIndexForward', 'consistentRead', 'select', 'filter', 'projection'];

export const query: Operation = async (request, { client, tableName }) => {
  rejectUnknownFields(request, FIELDS, '$');
  const keyCondition = readExpressionSection(requiredRecord(request, 'query', '$'), '$[query]');
  const filter = readOptionalSection(request, 'filter', '$');
  const projection = readOptionalSection(request, 'projection', '$', false);
  const index = optionalString(request, 'index', '$');
  const scope = pageScope('Query', tableName, index);
  const output = await callDynamoDb(async () =>
    client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: keyCondition.expression,
        FilterExpression: filter?.expression,
        ProjectionExpression: projection?.expression,
        Limit: readLimit(request, '$'),
        ScanIndexForward: optionalBoolean(request, 'scanIndexForward', '$') ?? true,
        ConsistentRead: optionalBoolean(request, 'consistentRead', '$') ?? false,
        Select: readSelect(request, '$'),
        ExclusiveStartKey: startKey(scope, optionalString(request, 'nextToken', '$')),
        ...new ExpressionAttributes().add(keyCondition).add(filter).add(projection).build(),
      }),
    ),
  );
  return {
    items: (output.Items ?? []).map(toJsonItem),
    nextToken: pageToken(scope, output.LastEvaluatedKey),
    scannedCount: output.ScannedCount ?? 0,
  };
};
