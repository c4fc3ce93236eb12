// One `_bulk` request for a batch's actions, retrying what OpenSearch could not take yet (429 when
// its write queue is full, 5xx) with exponential backoff; what it refuses for good is reported.
import type { Client } from '@opensearch-project/opensearch';
import { NOTES_INDEX } from '../shared/opensearch-notes-index';
import type { NoteAction } from './index-actions';

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
  /** The wait before the second attempt; it doubles before each further one. */
  readonly baseDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface FailedAction {
  readonly action: NoteAction;
  readonly reason: string;
}

type ItemOutcome = { readonly kind: 'done' } | { readonly kind: 'retry' | 'failed'; readonly reason: string };

interface BulkItemResult {
  readonly status: number;
  readonly error?: { readonly type?: string; readonly reason?: string };
}

/** Applies the actions; resolves with those that still failed after the retries. */
export async function applyActions(client: Client, actions: readonly NoteAction[], policy: RetryPolicy): Promise<FailedAction[]> {
  const failed: FailedAction[] = [];
  let pending = actions;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    const outcomes = await sendBulk(client, pending);
    const retry: NoteAction[] = [];
    pending.forEach((action, index) => {
      const outcome = outcomes[index] ?? { kind: 'failed', reason: 'OpenSearch returned no result for this action.' };
      if (outcome.kind === 'done') return;
      if (outcome.kind === 'retry' && attempt < policy.maxAttempts) retry.push(action);
      else failed.push({ action, reason: outcome.reason });
    });
    pending = retry;
    if (pending.length > 0) await policy.sleep(policy.baseDelayMs * 2 ** (attempt - 1));
  }
  return failed;
}

async function sendBulk(client: Client, actions: readonly NoteAction[]): Promise<ItemOutcome[]> {
  const body = actions.flatMap<object>(({ action }) =>
    action.kind === 'index'
      ? [{ index: { _index: NOTES_INDEX, _id: action.document.id } }, action.document]
      : [{ delete: { _index: NOTES_INDEX, _id: action.id } }],
  );
  let items: Record<string, BulkItemResult>[];
  try {
    const response = await client.bulk({ index: NOTES_INDEX, body: body as never });
    items = (response.body as unknown as { items: Record<string, BulkItemResult>[] }).items;
  } catch (error) {
    const outcome = requestOutcome(error);
    return actions.map(() => outcome);
  }
  return actions.map(({ action }, index) => itemOutcome(action.kind, items[index]?.[action.kind]));
}

/** The outcome of every action when the whole request failed. */
function requestOutcome(error: unknown): ItemOutcome {
  const status = (error as { meta?: { statusCode?: unknown } } | null)?.meta?.statusCode;
  const reason = `The bulk request failed: ${error instanceof Error ? error.message : String(error)}`;
  // No status is a connection error or a timeout: worth another try, as are 429 and 5xx.
  return typeof status !== 'number' || isRetryable(status) ? { kind: 'retry', reason } : { kind: 'failed', reason };
}

function itemOutcome(kind: 'index' | 'delete', result: BulkItemResult | undefined): ItemOutcome {
  if (result === undefined) return { kind: 'failed', reason: 'OpenSearch returned no result for this action.' };
  // Deleting what is not there leaves the index as wanted (a note deleted twice, or never indexed).
  if (result.status < 300 || (kind === 'delete' && result.status === 404)) return { kind: 'done' };
  const reason = `${kind} failed with ${result.status}: ${result.error?.type ?? 'error'}: ${result.error?.reason ?? 'no reason given'}`;
  return isRetryable(result.status) ? { kind: 'retry', reason } : { kind: 'failed', reason };
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}
