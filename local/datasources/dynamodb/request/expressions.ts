// Expression sections of a request (`condition`, `update`, `query`, `filter`, `projection`) and
// their merge into one DynamoDB call, which has a single names map and a single values map.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { toItem, type Item } from '../attribute-values';
import { MalformedRequestError } from '../errors';
import { expectRecord, fieldPath, optionalRecord, requiredString, type JsonRecord } from './fields';

export interface ExpressionSection {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Item;
}

function readNames(section: JsonRecord, path: string): Record<string, string> {
  const names = optionalRecord(section, 'expressionNames', path) ?? {};
  for (const [placeholder, name] of Object.entries(names)) {
    if (typeof name !== 'string') {
      throw new MalformedRequestError(`Expected STRING for '${fieldPath(fieldPath(path, 'expressionNames'), placeholder)}'.`);
    }
  }
  return names as Record<string, string>;
}

/** Reads `{ expression, expressionNames, expressionValues }` at `path`; `withValues: false` for projections. */
export function readExpressionSection(value: unknown, path: string, withValues = true): ExpressionSection {
  const section = expectRecord(value, path);
  const valuesRecord = withValues ? optionalRecord(section, 'expressionValues', path) : undefined;
  return {
    expression: requiredString(section, 'expression', path),
    names: readNames(section, path),
    values: valuesRecord === undefined ? {} : toItem(valuesRecord, fieldPath(path, 'expressionValues')),
  };
}

export function readOptionalSection(source: JsonRecord, field: string, path: string, withValues = true): ExpressionSection | undefined {
  const value = source[field];
  return value === undefined || value === null ? undefined : readExpressionSection(value, fieldPath(path, field), withValues);
}

/**
 * The attribute names an expression mentions, through placeholders or spelled out (with the
 * function names and keywords it also contains; callers look for particular names).
 */
export function attributeNamesIn(section: Pick<ExpressionSection, 'expression' | 'names'>): string[] {
  const spelledOut = section.expression.match(/(?<![#:\w])[A-Za-z_]\w*/g) ?? [];
  return [...Object.values(section.names), ...spelledOut];
}

/** Collects placeholders from several sections; the same placeholder may not mean two things. */
export class ExpressionAttributes {
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, AttributeValue> = {};

  add(section: Pick<ExpressionSection, 'names' | 'values'> | undefined): this {
    if (section === undefined) return this;
    for (const [placeholder, name] of Object.entries(section.names)) {
      if (this.names[placeholder] !== undefined && this.names[placeholder] !== name) {
        throw new MalformedRequestError(`Expression name placeholder '${placeholder}' is given two different values.`);
      }
      this.names[placeholder] = name;
    }
    for (const [placeholder, value] of Object.entries(section.values)) {
      if (this.values[placeholder] !== undefined && JSON.stringify(this.values[placeholder]) !== JSON.stringify(value)) {
        throw new MalformedRequestError(`Expression value placeholder '${placeholder}' is given two different values.`);
      }
      this.values[placeholder] = value;
    }
    return this;
  }

  /** The two maps for the SDK call, left out when empty (DynamoDB rejects empty maps). */
  build(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Item } {
    return {
      ...(Object.keys(this.names).length > 0 ? { ExpressionAttributeNames: { ...this.names } } : {}),
      ...(Object.keys(this.values).length > 0 ? { ExpressionAttributeValues: { ...this.values } } : {}),
    };
  }
}
