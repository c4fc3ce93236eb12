// The key condition of query(): { id: { eq: 1 }, createdAt: { beginsWith: '2024' } } becomes
// "#id = :id_eq AND begins_with(#createdAt,:createdAt_beginsWith)", with the placeholder names
// util.transform uses.

import type { AttributeMap } from '../../util/dynamodb/attribute-values';
import { isPlainObject, toAttributeValue } from '../../util/dynamodb/attribute-values';
import { DynamoDBHelperInputError } from './errors';

export interface KeyConditionExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: AttributeMap;
}

const COMPARISONS: Readonly<Record<string, string>> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

export function toKeyCondition(query: unknown): KeyConditionExpression {
  if (!isPlainObject(query) || Object.keys(query).length === 0) {
    throw new DynamoDBHelperInputError(`query must name the key attributes to match, received ${JSON.stringify(query) ?? 'undefined'}`);
  }
  const expressionNames: Record<string, string> = {};
  const expressionValues: AttributeMap = {};
  const parts: string[] = [];
  const value = (field: string, suffix: string, operand: unknown): string => {
    const name = `:${field}_${suffix}`;
    expressionValues[name] = toAttributeValue(operand) ?? { NULL: null };
    return name;
  };
  for (const [field, operators] of Object.entries(query)) {
    if (!isPlainObject(operators)) {
      throw new DynamoDBHelperInputError(`the key condition on ${field} must be an object of operators, received ${JSON.stringify(operators) ?? 'undefined'}`);
    }
    const name = `#${field}`;
    expressionNames[name] = field;
    for (const [operator, operand] of Object.entries(operators)) {
      if (operand === undefined) continue;
      if (Object.hasOwn(COMPARISONS, operator)) {
        parts.push(`${name} ${COMPARISONS[operator]} ${value(field, operator, operand)}`);
      } else if (operator === 'beginsWith') {
        parts.push(`begins_with(${name},${value(field, operator, operand)})`);
      } else if (operator === 'between' && Array.isArray(operand) && operand.length === 2) {
        parts.push(`${name} BETWEEN ${value(field, 'between_start', operand[0])} AND ${value(field, 'between_end', operand[1])}`);
      } else {
        throw new DynamoDBHelperInputError(`${operator} is not a key condition operator (on ${field}, with ${JSON.stringify(operand)})`);
      }
    }
  }
  return { expression: parts.join(' AND '), expressionNames, expressionValues };
}
