// A DynamoDB Streams record in the shape Lambda delivers it to a function
// (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html, "Example event"): the Streams API
// record plus eventSourceARN, with ApproximateCreationDateTime in epoch seconds.
import type { _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import { type EventAttributeValue, toEventAttributeMap } from './event-attributes';
import { TTL_DELETE_IDENTITY, ttlDeleteKey, type TtlDeleteMarks } from './ttl-deletes';

export interface DynamoDBStreamEventRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: string;
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime?: number;
    Keys: Record<string, EventAttributeValue>;
    NewImage?: Record<string, EventAttributeValue>;
    OldImage?: Record<string, EventAttributeValue>;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: string;
  };
  userIdentity?: { type: string; principalId: string };
  eventSourceARN: string;
}

export interface DynamoDBStreamEvent {
  Records: DynamoDBStreamEventRecord[];
}

export interface RecordContext {
  readonly streamArn: string;
  /** The stack's region; DynamoDB Local reports its own placeholder region in records. */
  readonly awsRegion?: string;
  readonly ttlDeletes?: TtlDeleteMarks;
}

export function toEventRecord(record: StreamsRecord, context: RecordContext): DynamoDBStreamEventRecord {
  const stream = record.dynamodb ?? {};
  const dynamodb: DynamoDBStreamEventRecord['dynamodb'] = {
    ...(stream.ApproximateCreationDateTime && { ApproximateCreationDateTime: stream.ApproximateCreationDateTime.getTime() / 1000 }),
    Keys: toEventAttributeMap(stream.Keys ?? {}),
    ...(stream.NewImage && { NewImage: toEventAttributeMap(stream.NewImage) }),
    ...(stream.OldImage && { OldImage: toEventAttributeMap(stream.OldImage) }),
    SequenceNumber: stream.SequenceNumber ?? '',
    SizeBytes: stream.SizeBytes ?? 0,
    StreamViewType: stream.StreamViewType ?? '',
  };
  // The SDK names them Type and PrincipalId; the Lambda event keeps the wire names.
  const { Type: type, PrincipalId: principalId } = record.userIdentity ?? {};
  const identity = type && principalId ? { type, principalId } : undefined;
  const markedTtl = record.eventName === 'REMOVE' && context.ttlDeletes?.keys.has(ttlDeleteKey(stream.Keys ?? {}));
  const userIdentity = identity ?? (markedTtl ? { ...TTL_DELETE_IDENTITY } : undefined);
  return {
    eventID: record.eventID ?? '',
    eventName: record.eventName as DynamoDBStreamEventRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: context.awsRegion ?? record.awsRegion ?? '',
    dynamodb,
    ...(userIdentity && { userIdentity }),
    eventSourceARN: context.streamArn,
  };
}
