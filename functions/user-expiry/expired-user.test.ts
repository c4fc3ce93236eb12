import type { DynamoDBRecord } from 'aws-lambda';
import { InvalidInputError } from '../shared/errors';
import { expiredUserHandle, expiredUserId, isTtlDelete } from './expired-user';

// A REMOVE record of a TTL deletion, as Lambda delivers it (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html),
// with the identity DynamoDB gives TTL deletions:
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
const ttlRemove: DynamoDBRecord = {
  eventID: 'e1',
  eventName: 'REMOVE',
  eventSource: 'aws:dynamodb',
  dynamodb: { Keys: { id: { S: 'user-x' } }, OldImage: { id: { S: 'user-x' }, expiresAt: { N: '1780000000' } }, SequenceNumber: '1', StreamViewType: 'NEW_AND_OLD_IMAGES' },
  userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
};

describe('expired-user', () => {
  it('recognises only REMOVE records by the DynamoDB service as TTL deletions', () => {
    expect([
      isTtlDelete(ttlRemove),
      isTtlDelete({ ...ttlRemove, userIdentity: undefined }),
      isTtlDelete({ ...ttlRemove, eventName: 'MODIFY' }),
      isTtlDelete({ ...ttlRemove, userIdentity: { type: 'Service', principalId: 'replication.dynamodb.amazonaws.com' } }),
    ]).toEqual([true, false, false, false]);
  });

  it("reads the user's id from the record's key, and the handle they had from the old image", () => {
    const withHandle = { ...ttlRemove, dynamodb: { ...ttlRemove.dynamodb, OldImage: { id: { S: 'user-x' }, handle: { S: 'xavier' } } } };
    expect([expiredUserId(ttlRemove), expiredUserHandle(ttlRemove), expiredUserHandle(withHandle)]).toEqual(['user-x', undefined, 'xavier']);
  });

  it('refuses a record without a string id key', () => {
    expect(() => expiredUserId({ ...ttlRemove, dynamodb: { Keys: { id: { N: '1' } } } })).toThrow(
      new InvalidInputError('Stream record e1 carries no Users key "id" (a string).'),
    );
  });
});
