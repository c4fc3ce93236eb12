// Exponential backoff between retries of a failed batch, capped so a local loop never stalls for long.

export interface RetryDelay {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY_DELAY: RetryDelay = { baseMs: 100, maxMs: 5_000 };

/** The wait before retry number `retry` (1-based). */
export function retryDelayMs(retry: number, delay: RetryDelay): number {
  return Math.min(delay.maxMs, delay.baseMs * 2 ** Math.max(0, retry - 1));
}
