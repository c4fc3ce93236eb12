// The handler's batch wiring, with records that need no AWS call: a record that is not a TTL
// deletion is skipped, and one the function cannot read is reported as a batch item failure by its
// sequence number, as Lambda expects with ReportBatchItemFailures
// (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html).
// The whole cleanup runs in expire-user.test.ts and, through the stream, in tests/domain/user-expiry.test.ts.
import type { DynamoDBRecord } from 'aws-lambda';
import { handler } from './handler';

const ENV = {
  HANDLES_TABLE: 'Handles',
  DEVICES_TABLE: 'Devices',
  MEMBERSHIPS_TABLE: 'Memberships',
  SPACES_TABLE: 'Spaces',
  NOTES_TABLE: 'Notes',
  COMMENTS_TABLE: 'Comments',
  NOTES_DELTA_SYNC_TABLE: 'NotesDeltaSync',
  NOTES_DELTA_SYNC_TTL_MINUTES: '30',
  USER_POOL_ID: 'us-east-1_pool',
  AWS_REGION: 'us-east-1',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};
const saved = { ...process.env };
beforeAll(() => Object.assign(process.env, ENV));
afterAll(() => {
  for (const name of Object.keys(ENV)) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const record = (sequenceNumber: string, overrides: Partial<DynamoDBRecord>): DynamoDBRecord => ({
  eventID: `e${sequenceNumber}`,
  eventName: 'REMOVE',
  eventSource: 'aws:dynamodb',
  dynamodb: { Keys: { id: { S: 'user-x' } }, SequenceNumber: sequenceNumber, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
  ...overrides,
});

describe('user-expiry handler', () => {
  it('skips records that are not TTL deletions and reports the one it cannot read', async () => {
    const ordinaryDelete = record('1', { userIdentity: undefined });
    const modify = record('2', { eventName: 'MODIFY' });
    const noKey = record('3', { dynamodb: { Keys: {}, SequenceNumber: '3', StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    expect(await handler({ Records: [ordinaryDelete, modify, noKey] })).toEqual({ batchItemFailures: [{ itemIdentifier: '3' }] });
  });

  it('answers no failures for a batch of records it has nothing to do for', async () => {
    expect(await handler({ Records: [record('4', { userIdentity: undefined })] })).toEqual({ batchItemFailures: [] });
  });
});
