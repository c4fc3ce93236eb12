// Conditions and filters are the filter objects util.transform renders, kept as objects.

import { type DynamoDBExpression, renderDynamoDBExpression } from '../../util/transform/dynamodb-expression';
import { DynamoDBHelperInputError } from './errors';

/** The rendered expression, or undefined when no condition was given. */
export function toExpression(filter: unknown, what: string): DynamoDBExpression | undefined {
  if (filter === undefined || filter === null) return undefined;
  const expression = renderDynamoDBExpression(filter);
  if (expression === null) throw new DynamoDBHelperInputError(`${what} is not a filter object: ${JSON.stringify(filter)}`);
  return expression;
}
