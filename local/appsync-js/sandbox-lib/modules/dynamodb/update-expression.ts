// Builds the update expression of update(): plain values are SET, a plain object is descended
// into so that only the attributes it names change, and the `operations` markers pick the action.
//
//   value / null / add(v) / replace(v)  SET #a = :a           (add and replace set the whole value)
//   remove()                            REMOVE #a
//   increment(n) / decrement(n)         ADD #a :a             (n, or -n: ADD starts from 0)
//   append(list) / prepend(list)        SET #a = list_append(#a, :a) / list_append(:a, #a)
//   [updateListItem(v, i), ...]         SET #a[i] = :a_i
//
// Names are `#` + the attribute name and values `:` + the path joined by `_`, like the names
// util.transform generates.

import type { AttributeMap } from '../../util/dynamodb/attribute-values';
import { isPlainObject } from '../../util/dynamodb/attribute-values';
import { DynamoDBHelperInputError } from './errors';
import { isUpdateOperation, type UpdateOperation } from './operations';
import { toItemValue } from './values';

export interface UpdateExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues?: AttributeMap;
}

interface Builder {
  set: string[];
  remove: string[];
  add: string[];
  names: Record<string, string>;
  values: AttributeMap;
}

interface Path {
  /** The document path in the expression: "#address.#city". */
  expression: string;
  /** The segments that name its value placeholder. */
  valueSegments: string[];
}

function child(parent: Path | undefined, attribute: string, builder: Builder): Path {
  builder.names[`#${attribute}`] = attribute;
  return parent === undefined
    ? { expression: `#${attribute}`, valueSegments: [attribute] }
    : { expression: `${parent.expression}.#${attribute}`, valueSegments: [...parent.valueSegments, attribute] };
}

function valuePlaceholder(segments: string[], value: unknown, builder: Builder): string {
  const base = `:${segments.join('_')}`;
  let name = base;
  for (let suffix = 1; Object.hasOwn(builder.values, name); suffix += 1) name = `${base}_${suffix}`;
  builder.values[name] = toItemValue(value) ?? { NULL: null };
  return name;
}

function applyOperation(path: Path, operation: UpdateOperation, builder: Builder): void {
  switch (operation._type) {
    case 'add':
    case 'replace':
      builder.set.push(`${path.expression} = ${valuePlaceholder(path.valueSegments, operation.value, builder)}`);
      return;
    case 'remove':
      builder.remove.push(path.expression);
      return;
    case 'increment':
    case 'decrement': {
      const by = operation._type === 'increment' ? operation.by : -operation.by;
      builder.add.push(`${path.expression} ${valuePlaceholder(path.valueSegments, by, builder)}`);
      return;
    }
    case 'append':
    case 'prepend': {
      const items = valuePlaceholder(path.valueSegments, operation.items, builder);
      const operands = operation._type === 'append' ? `${path.expression}, ${items}` : `${items}, ${path.expression}`;
      builder.set.push(`${path.expression} = list_append(${operands})`);
      return;
    }
    case 'updateListItem':
      builder.set.push(`${path.expression}[${operation.index}] = ${valuePlaceholder([...path.valueSegments, String(operation.index)], operation.value, builder)}`);
      return;
  }
}

function applyValue(path: Path, value: unknown, builder: Builder): void {
  if (isUpdateOperation(value)) {
    applyOperation(path, value, builder);
  } else if (Array.isArray(value) && value.length > 0 && value.every(isUpdateOperation)) {
    for (const operation of value) {
      if (operation._type !== 'updateListItem') {
        throw new DynamoDBHelperInputError(`only updateListItem operations may be listed, found ${operation._type} on ${path.valueSegments.join('.')}`);
      }
      applyOperation(path, operation, builder);
    }
  } else if (isPlainObject(value) && Object.keys(value).length > 0) {
    applyObject(path, value, builder);
  } else {
    builder.set.push(`${path.expression} = ${valuePlaceholder(path.valueSegments, value, builder)}`);
  }
}

function applyObject(parent: Path | undefined, update: Record<string, unknown>, builder: Builder): void {
  for (const [attribute, value] of Object.entries(update)) {
    if (value !== undefined) applyValue(child(parent, attribute, builder), value, builder);
  }
}

export function toUpdateExpression(update: unknown): UpdateExpression {
  if (!isPlainObject(update)) {
    throw new DynamoDBHelperInputError(`update must be an object, received ${JSON.stringify(update) ?? 'undefined'}`);
  }
  const builder: Builder = { set: [], remove: [], add: [], names: {}, values: {} };
  applyObject(undefined, update, builder);
  const clauses = [
    builder.set.length > 0 ? `SET ${builder.set.join(', ')}` : '',
    builder.remove.length > 0 ? `REMOVE ${builder.remove.join(', ')}` : '',
    builder.add.length > 0 ? `ADD ${builder.add.join(', ')}` : '',
  ].filter((clause) => clause !== '');
  if (clauses.length === 0) throw new DynamoDBHelperInputError('update must change at least one attribute');
  const expression: UpdateExpression = { expression: clauses.join(' '), expressionNames: builder.names };
  if (Object.keys(builder.values).length > 0) expression.expressionValues = builder.values;
  return expression;
}
