// AttributeValues as the Lambda event carries them: the JSON of the DynamoDB Streams API, where
// binary values are base64 strings (the SDK hands them to us as Uint8Array).

export type EventAttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { M: Record<string, EventAttributeValue> }
  | { L: EventAttributeValue[] }
  | { NULL: boolean }
  | { BOOL: boolean };

/** An AttributeValue from either SDK client (client-dynamodb or client-dynamodb-streams). */
export type AttributeValueInput = object;
export type AttributeMapInput = Record<string, AttributeValueInput>;

const base64 = (bytes: unknown): string => Buffer.from(bytes as Uint8Array).toString('base64');

export function toEventAttributeValue(input: AttributeValueInput): EventAttributeValue {
  const value = input as Record<string, unknown>;
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BS !== undefined) return { BS: (value.BS as unknown[]).map(base64) };
  if (value.M !== undefined) return { M: toEventAttributeMap(value.M as AttributeMapInput) };
  if (value.L !== undefined) return { L: (value.L as AttributeValueInput[]).map(toEventAttributeValue) };
  const [name, inner] = Object.entries(value).find(([, member]) => member !== undefined) ?? [];
  return { [name as string]: inner } as EventAttributeValue;
}

export function toEventAttributeMap(map: AttributeMapInput): Record<string, EventAttributeValue> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, toEventAttributeValue(value)]));
}
