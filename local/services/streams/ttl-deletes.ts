// DynamoDB Local does not mark its deletes as TTL deletes, so the TTL reaper marks the keys it
// deletes here and the poller adds the identity DynamoDB gives TTL deletions to their REMOVE records
// (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html, userIdentity).
// The caller owns one marks object per table; the poller only reads it, because several mappings may
// read the same stream.
import { toEventAttributeMap, type AttributeMapInput } from './event-attributes';

export interface TtlDeleteMarks {
  /** `ttlDeleteKey(keys)` of each item the reaper deleted. */
  readonly keys: Set<string>;
}

export const TTL_DELETE_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;

/** The item's key attributes as canonical JSON: attribute names sorted, binary as base64. */
export function ttlDeleteKey(keys: AttributeMapInput): string {
  const attributes = toEventAttributeMap(keys);
  return JSON.stringify(Object.fromEntries(Object.keys(attributes).sort().map((name) => [name, attributes[name]])));
}

export function markTtlDelete(marks: TtlDeleteMarks, keys: AttributeMapInput): void {
  marks.keys.add(ttlDeleteKey(keys));
}
