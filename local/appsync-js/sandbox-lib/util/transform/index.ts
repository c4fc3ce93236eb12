// util.transform: filter objects turned into DynamoDB expressions, OpenSearch queries and
// subscription filters.
// https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html

import type { SandboxHost } from '../../host';
import { renderDynamoDBExpression } from './dynamodb-expression';
import { toOpenSearchQueryDSL } from './opensearch-query';
import { type SubscriptionFilter, toSubscriptionFilter } from './subscription-filter';

export type { DynamoDBExpression } from './dynamodb-expression';
export type { SubscriptionFilter, SubscriptionFilterEntry } from './subscription-filter';
export { SubscriptionFilterLimitError, checkSubscriptionFilterLimits } from './subscription-filter';

export interface TransformUtil {
  toDynamoDBFilterExpression(filter: unknown): string | null;
  toDynamoDBConditionExpression(condition: unknown): string | null;
  toElasticsearchQueryDSL(filter: unknown): string | null;
  toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null;
}

// Both DynamoDB entry points answer a JSON string, and AppSync renders filters and conditions
// identically (every input recorded in localstack/appsync-utils __tests__/transform.test.js).
function toDynamoDBExpressionJson(filter: unknown): string | null {
  const expression = renderDynamoDBExpression(filter);
  return expression === null ? null : JSON.stringify(expression);
}

export function createTransformUtil(_host: SandboxHost): TransformUtil {
  return {
    toDynamoDBFilterExpression: toDynamoDBExpressionJson,
    toDynamoDBConditionExpression: toDynamoDBExpressionJson,
    toElasticsearchQueryDSL: toOpenSearchQueryDSL,
    toSubscriptionFilter,
  };
}
