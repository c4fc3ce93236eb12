// Renders a filter object ({ title: { contains: "x" }, and: [...], not: {...} }) into a DynamoDB
// expression with name and value placeholders, the way util.transform.toDynamoDBFilterExpression
// and toDynamoDBConditionExpression do.
//
// The shape of AppSync's output, recorded from the EvaluateCode API in localstack/appsync-utils
// (__tests__/transform.test.js and its snapshot), is reproduced here, oddities included:
// - names are `#` + the field name verbatim, dots included; values are `:` + the path of
//   and/or/not/index segments, the field and the operator, joined by `_` (":and_0_a_eq");
// - top-level members are joined by " AND " without parentheses, while a field with several
//   operators, a group of several members and `not` are parenthesised;
// - an empty member still takes part in the join, leaving a dangling joiner ("(#a = :a_eq) AND ");
// - a filter AppSync cannot render gives null, not an error.

import { type AttributeMap, isPlainObject, toAttributeValue } from '../dynamodb/attribute-values';

export interface DynamoDBExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: AttributeMap;
}

interface Scope {
  names: Record<string, string>;
  values: AttributeMap;
}

const COMPARISONS: Readonly<Record<string, string>> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };

const FUNCTIONS: Readonly<Record<string, string>> = { contains: 'contains', notContains: 'NOT contains', beginsWith: 'begins_with' };

// The friendly names of DynamoDBAttributeTypeValues and the type codes attribute_type() expects.
const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

/** Renders a filter or condition object; null when AppSync would not render it. */
export function renderDynamoDBExpression(filter: unknown): DynamoDBExpression | null {
  if (!isPlainObject(filter)) return null;
  const scope: Scope = { names: {}, values: {} };
  const parts = renderMembers(filter, [], scope);
  if (parts === null) return null;
  return { expression: parts.join(' AND '), expressionNames: scope.names, expressionValues: scope.values };
}

/** Entries whose value is undefined never reach AppSync's JSON, so they are not there at all. */
function definedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).filter(([, value]) => value !== undefined);
}

/** A list of parts that must all hold, parenthesised when there is more than one. */
function group(parts: string[], joiner: string): string {
  if (parts.length === 0) return '';
  if (parts.length === 1) return parts[0];
  return `(${parts.join(joiner)})`;
}

function renderMembers(filter: Record<string, unknown>, path: string[], scope: Scope): string[] | null {
  const parts: string[] = [];
  for (const [key, value] of definedEntries(filter)) {
    const part = renderMember(key, value, path, scope);
    if (part === null) return null;
    parts.push(part);
  }
  return parts;
}

/** A filter object below the top level: its members are grouped, so it reads as one operand. */
function renderNested(filter: unknown, path: string[], scope: Scope): string | null {
  if (!isPlainObject(filter)) return null;
  const parts = renderMembers(filter, path, scope);
  return parts === null ? null : group(parts, ' AND ');
}

function renderMember(key: string, value: unknown, path: string[], scope: Scope): string | null {
  if (key === 'and' || key === 'or') {
    if (!Array.isArray(value)) return null;
    const members: string[] = [];
    for (const [index, member] of value.entries()) {
      const rendered = renderNested(member, [...path, key, String(index)], scope);
      if (rendered === null) return null;
      members.push(rendered);
    }
    return group(members, key === 'and' ? ' AND ' : ' OR ');
  }
  if (key === 'not') {
    const inner = renderNested(value, [...path, 'not'], scope);
    return inner === null ? null : `(NOT ${inner})`;
  }
  return renderField(key, value, path, scope);
}

function renderField(field: string, operators: unknown, path: string[], scope: Scope): string | null {
  if (!isPlainObject(operators)) return null;
  const name = `#${field}`;
  // The name is registered even when the field carries no operator.
  scope.names[name] = field;
  const parts = renderOperators(operators, name, [...path, field], scope);
  return parts === null ? null : group(parts, ' AND ');
}

function renderOperators(operators: Record<string, unknown>, operand: string, valuePath: string[], scope: Scope): string[] | null {
  const parts: string[] = [];
  for (const [operator, operatorValue] of definedEntries(operators)) {
    const part = renderOperator(operator, operatorValue, operand, valuePath, scope);
    if (part === null) return null;
    parts.push(part);
  }
  return parts;
}

function placeholder(valuePath: string[], scope: Scope, value: unknown, ...suffix: string[]): string {
  const name = `:${[...valuePath, ...suffix].join('_')}`;
  scope.values[name] = toAttributeValue(value) ?? { NULL: null };
  return name;
}

function renderOperator(operator: string, value: unknown, operand: string, valuePath: string[], scope: Scope): string | null {
  if (Object.hasOwn(COMPARISONS, operator)) {
    return `(${operand} ${COMPARISONS[operator]} ${placeholder(valuePath, scope, value, operator)})`;
  }
  if (Object.hasOwn(FUNCTIONS, operator)) {
    return `(${FUNCTIONS[operator]}(${operand},${placeholder(valuePath, scope, value, operator)}))`;
  }
  switch (operator) {
    case 'between': {
      // Bounds past the second are ignored.
      if (!Array.isArray(value) || value.length < 2) return null;
      const start = placeholder(valuePath, scope, value[0], 'between', 'start');
      const end = placeholder(valuePath, scope, value[1], 'between', 'end');
      return `(${operand} BETWEEN ${start} AND ${end})`;
    }
    case 'in': {
      if (!Array.isArray(value)) return null;
      // AppSync renders an empty list as the literal "(null)".
      if (value.length === 0) return '(null)';
      const names = value.map((element, index) => placeholder(valuePath, scope, element, 'in', String(index)));
      return `(${operand} IN (${names.join(', ')}))`;
    }
    case 'attributeExists':
      if (typeof value !== 'boolean') return null;
      return `(${value ? 'attribute_exists' : 'attribute_not_exists'}(${operand}))`;
    case 'attributeType': {
      const code = typeof value === 'string' && Object.hasOwn(ATTRIBUTE_TYPES, value) ? ATTRIBUTE_TYPES[value] : undefined;
      if (code === undefined) return null;
      return `(attribute_type(${operand},${placeholder(valuePath, scope, code, 'attributeType')}))`;
    }
    case 'size': {
      if (!isPlainObject(value)) return null;
      // A size nested in a size keeps naming its values deeper but does not nest the call.
      const sizeOperand = operand.startsWith('size(') ? operand : `size(${operand})`;
      const parts = renderOperators(value, sizeOperand, [...valuePath, 'size'], scope);
      return parts === null ? null : group(parts, ' AND ');
    }
    default:
      return null;
  }
}
