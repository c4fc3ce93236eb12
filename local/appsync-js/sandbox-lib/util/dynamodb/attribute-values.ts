// Conversions from plain resolver values to DynamoDB typed values, as util.dynamodb does them.
//
// AppSync keeps numbers as JSON numbers ({ "N": 12345 }, not { "N": "12345" }) and never infers a
// set: arrays become lists. The DynamoDB data source stringifies numbers when it sends the request.

/** A DynamoDB typed value as resolver code sees it. */
export type AttributeValue =
  | { S: string }
  | { N: number }
  | { BOOL: boolean }
  | { NULL: null }
  | { B: string }
  | { SS: string[] }
  | { NS: number[] }
  | { BS: string[] }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> };

export type AttributeMap = Record<string, AttributeValue>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Converts any JSON-like value. Object properties holding `undefined` are skipped, as they would be
 * once the value crossed AppSync's JSON boundary; `undefined` itself converts to null.
 */
export function toAttributeValue(value: unknown): AttributeValue | null {
  if (value === undefined) return null;
  if (value === null) return { NULL: null };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      return { N: value };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      return Array.isArray(value) ? { L: toListValues(value) } : { M: toAttributeMap(value as Record<string, unknown>) };
    default:
      return null;
  }
}

export function toListValues(values: readonly unknown[]): AttributeValue[] {
  // A hole or an undefined element becomes null in JSON, so it becomes NULL here too.
  return values.map((value) => toAttributeValue(value) ?? { NULL: null });
}

export function toAttributeMap(record: Record<string, unknown>): AttributeMap {
  const result: AttributeMap = {};
  for (const [name, value] of Object.entries(record)) {
    const converted = toAttributeValue(value);
    if (converted !== null) result[name] = converted;
  }
  return result;
}
