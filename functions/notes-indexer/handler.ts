// notes-indexer: keeps the notes index in step with the Notes table, fed by its stream. One `_bulk`
// per batch; records whose note could not be indexed are reported as batch item failures, so Lambda
// retries from the first of them and, once its retries are spent, sends them to the dead-letter queue.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Client } from '@opensearch-project/opensearch';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import { createOpenSearchClient } from '../shared/opensearch-client';
import { ensureNotesIndex } from '../shared/opensearch-notes-index';
import { createLogger } from '../shared/logger';
import { applyActions, type RetryPolicy } from './bulk';
import { loadConfig } from './config';
import { planBatch } from './index-actions';

export interface NotesIndexerDependencies {
  readonly logger: Logger;
  readonly client: Client;
  readonly retry: RetryPolicy;
  /** The time, in epoch milliseconds (what decides whether a note has expired). */
  readonly now: () => number;
}

/** The handler, given how to create its dependencies (once, on the first call). */
export function createNotesIndexerHandler(dependencies: () => NotesIndexerDependencies): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  // The index is created on the first batch an instance sees; a failed attempt is tried again on the next.
  let indexReady: Promise<unknown> | undefined;
  let created: NotesIndexerDependencies | undefined;
  return async (event) => {
    // Created on the first call, not at import, and kept for the instance's life.
    const deps = (created ??= dependencies());
    indexReady ??= ensureNotesIndex(deps.client).then(
      (result) => deps.logger.info('Notes index checked', { result }),
      (error: unknown) => {
        indexReady = undefined;
        throw error;
      },
    );
    await indexReady;

    const plan = planBatch(event.Records, Math.floor(deps.now() / 1000));
    for (const { sequenceNumber, error } of plan.malformed) deps.logger.error('Cannot index a stream record', { sequenceNumber, error });
    const failed = await applyActions(deps.client, plan.actions, deps.retry);
    for (const { action, reason } of failed) deps.logger.error('Could not apply an index action', { noteId: action.noteId, kind: action.action.kind, reason });
    deps.logger.info('Indexed a batch', { records: event.Records.length, actions: plan.actions.length, failed: failed.length, malformed: plan.malformed.length });

    const failedSequenceNumbers = [...plan.malformed.map((record) => record.sequenceNumber), ...failed.flatMap(({ action }) => action.sequenceNumbers)];
    return { batchItemFailures: failedSequenceNumbers.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

export const handler = createNotesIndexerHandler(() => {
  const config = loadConfig();
  return {
    logger: createLogger('notes-indexer'),
    // The client does not retry on its own: the backoff here covers connections and 429s alike.
    client: createOpenSearchClient({ url: config.searchUrl, region: config.region, requestTimeoutMs: 10_000, maxRetries: 0 }),
    retry: { maxAttempts: 4, baseDelayMs: 200, sleep: (ms) => sleep(ms) },
    now: Date.now,
  };
});
