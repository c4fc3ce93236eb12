// Triggered by the Users table's stream, filtered to DynamoDB TTL deletions: removes an inactive
// user's data (DESIGN.md, "Inactive users expire"). Records are handled one after the other; a
// record whose cleanup fails is reported in batchItemFailures, so Lambda retries from it, and the
// mapping sends what keeps failing to its on-failure queue.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import { createLogger } from '../shared/logger';
import { userExpiryClients } from './clients';
import type { CleanupContext } from './cleanup-context';
import { loadConfig } from './config';
import { expireUser } from './expire-user';
import { expiredUserHandle, expiredUserId, isTtlDelete } from './expired-user';

const logger = createLogger('user-expiry');

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const context: CleanupContext = { ...userExpiryClients(), config: loadConfig(), now: () => new Date(), logger };
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return processPartialResponse(event, (record: DynamoDBRecord) => handleRecord(context, record), processor, { processInParallel: false });
}

async function handleRecord(context: CleanupContext, record: DynamoDBRecord): Promise<void> {
  if (!isTtlDelete(record)) {
    logger.warn('ignored a Users stream record that is not a TTL deletion', { eventID: record.eventID, eventName: record.eventName });
    return;
  }
  const userId = expiredUserId(record);
  logger.info('expired user: cleanup started', { userId });
  try {
    const report = await expireUser(context, { id: userId, handle: expiredUserHandle(record) });
    logger.info('expired user: cleanup finished', { ...report });
  } catch (error) {
    logger.error('expired user: cleanup failed; the record will be retried', { userId, error: error as Error });
    throw error;
  }
}
