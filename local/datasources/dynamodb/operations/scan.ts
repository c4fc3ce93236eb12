// Scan: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-scan.html
// ctx.result is { items, nextToken, scannedCount }.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { toJsonItem } from '../attribute-values';
import { callDynamoDb } from '../errors';
import type { Operation } from '../operation-context';
import { pageScope, pageToken, startKey } from '../pagination-token';
import { ExpressionAttributes, readOptionalSection } from '../request/expressions';
import { optionalBoolean, optionalInteger, optionalString, rejectUnknownFields } from '../request/fields';
import { readLimit, readSelect } from '../request/paging';

const FIELDS = ['version', 'operation', 'index', 'limit', 'consistentRead', 'nextToken', 'totalSegments', 'segment', 'select', 'filter', 'projection'];

export const scan: Operation = async (request, { client, tableName }) => {
  rejectUnknownFields(request, FIELDS, '$');
  const filter = readOptionalSection(request, 'filter', '$');
  const projection = readOptionalSection(request, 'projection', '$', false);
  const index = optionalString(request, 'index', '$');
  const segment = optionalInteger(request, 'segment', '$');
  // Segments of a parallel scan are separate cursors; the token keeps them apart.
  const scope = pageScope(segment === undefined ? 'Scan' : `Scan#${segment}`, tableName, index);
  const output = await callDynamoDb(async () =>
    client.send(
      new ScanCommand({
        TableName: tableName,
        IndexName: index,
        FilterExpression: filter?.expression,
        ProjectionExpression: projection?.expression,
        Limit: readLimit(request, '$'),
        ConsistentRead: optionalBoolean(request, 'consistentRead', '$') ?? false,
        Select: readSelect(request, '$'),
        Segment: segment,
        TotalSegments: optionalInteger(request, 'totalSegments', '$'),
        ExclusiveStartKey: startKey(scope, optionalString(request, 'nextToken', '$')),
        ...new ExpressionAttributes().add(filter).add(projection).build(),
      }),
    ),
  );
  return {
    items: (output.Items ?? []).map(toJsonItem),
    nextToken: pageToken(scope, output.LastEvaluatedKey),
    scannedCount: output.ScannedCount ?? 0,
  };
};
