// Streams API records (as @aws-sdk/client-dynamodb-streams returns them) to the records Lambda
// delivers: https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html ("Example event"), with binary
// values in base64 as in the Streams JSON, and userIdentity as
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html documents it.
import type { _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import { toEventRecord } from './event-record';
import { markTtlDelete, ttlDeleteKey, type TtlDeleteMarks } from './ttl-deletes';

const STREAM_ARN = 'arn:aws:dynamodb:ddblocal:000000000000:table/Devices/stream/2026-03-01T09:00:00.000';

function removeRecord(userIdentity?: StreamsRecord['userIdentity']): StreamsRecord {
  return {
    eventID: 'e-1',
    eventName: 'REMOVE',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'ddblocal',
    dynamodb: {
      ApproximateCreationDateTime: new Date('2026-03-01T09:00:05.000Z'),
      Keys: { userId: { S: 'u1' }, deviceId: { S: 'd1' } },
      OldImage: {
        userId: { S: 'u1' },
        deviceId: { S: 'd1' },
        pushToken: { B: new Uint8Array([1, 2, 3]) },
        scopes: { BS: [new Uint8Array([255])] },
        meta: { M: { platform: { S: 'ios' }, versions: { L: [{ N: '17' }, { NULL: true }] } } },
      },
      SequenceNumber: '000000000000000000042',
      SizeBytes: 64,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...(userIdentity && { userIdentity }),
  };
}

const expectedDynamodb = {
  ApproximateCreationDateTime: 1772355605,
  Keys: { userId: { S: 'u1' }, deviceId: { S: 'd1' } },
  OldImage: {
    userId: { S: 'u1' },
    deviceId: { S: 'd1' },
    pushToken: { B: 'AQID' },
    scopes: { BS: ['/w=='] },
    meta: { M: { platform: { S: 'ios' }, versions: { L: [{ N: '17' }, { NULL: true }] } } },
  },
  SequenceNumber: '000000000000000000042',
  SizeBytes: 64,
  StreamViewType: 'NEW_AND_OLD_IMAGES',
};

describe('toEventRecord', () => {
  it('converts a record, with the stack region and the stream ARN', () => {
    expect(toEventRecord(removeRecord(), { streamArn: STREAM_ARN, awsRegion: 'eu-west-1' })).toEqual({
      eventID: 'e-1',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      dynamodb: expectedDynamodb,
      eventSourceARN: STREAM_ARN,
    });
  });

  it('adds the TTL identity to a REMOVE whose keys the reaper marked, whatever the key order', () => {
    const ttlDeletes: TtlDeleteMarks = { keys: new Set() };
    markTtlDelete(ttlDeletes, { deviceId: { S: 'd1' }, userId: { S: 'u1' } });
    expect({
      keys: [...ttlDeletes.keys],
      sameKey: ttlDeleteKey({ userId: { S: 'u1' }, deviceId: { S: 'd1' } }),
      record: toEventRecord(removeRecord(), { streamArn: STREAM_ARN, ttlDeletes }),
    }).toEqual({
      keys: ['{"deviceId":{"S":"d1"},"userId":{"S":"u1"}}'],
      sameKey: '{"deviceId":{"S":"d1"},"userId":{"S":"u1"}}',
      record: {
        eventID: 'e-1',
        eventName: 'REMOVE',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'ddblocal',
        dynamodb: expectedDynamodb,
        userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
        eventSourceARN: STREAM_ARN,
      },
    });
  });

  it('keeps an identity the stream itself reports, in the event’s lower-case field names', () => {
    expect(toEventRecord(removeRecord({ Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' }), { streamArn: STREAM_ARN })).toEqual({
      eventID: 'e-1',
      eventName: 'REMOVE',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'ddblocal',
      dynamodb: expectedDynamodb,
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
      eventSourceARN: STREAM_ARN,
    });
  });
});
