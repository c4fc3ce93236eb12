// Which stream records are TTL deletions of a user. The event source mapping's filter admits only
// those; the handler checks again, so a record that reaches it some other way (a mapping without
// the filter, a manual test event) never deletes anyone's data.
import type { DynamoDBRecord } from 'aws-lambda';
import { InvalidInputError } from '../shared/errors';

/**
 * DynamoDB marks the REMOVE records of its TTL deletions with this identity:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
 */
export const TTL_DELETE_IDENTITY = { type: 'Service', principalId: 'dynamodb.amazonaws.com' } as const;

export function isTtlDelete(record: DynamoDBRecord): boolean {
  return (
    record.eventName === 'REMOVE' &&
    record.userIdentity?.type === TTL_DELETE_IDENTITY.type &&
    record.userIdentity?.principalId === TTL_DELETE_IDENTITY.principalId
  );
}

/** The expired user's id (their Cognito `sub`): the Users table's key, from the record's Keys. */
export function expiredUserId(record: DynamoDBRecord): string {
  const id = record.dynamodb?.Keys?.id?.S ?? record.dynamodb?.OldImage?.id?.S;
  if (id === undefined || id === '') {
    throw new InvalidInputError(`Stream record ${record.eventID ?? '(no eventID)'} carries no Users key "id" (a string).`);
  }
  return id;
}

/** The handle the user had claimed, from the deleted row (the stream keeps NEW_AND_OLD_IMAGES). */
export function expiredUserHandle(record: DynamoDBRecord): string | undefined {
  return record.dynamodb?.OldImage?.handle?.S;
}
