// Waits until DynamoDB Local answers ListTables, polling with a deadline rather than a fixed sleep.
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { RunningChild } from './child';
import { describeExit } from './child';
import { DynamoDbLocalStartError } from './errors';

export interface ReadinessOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Aborting stops the wait (the service is being stopped). */
  signal: AbortSignal;
}

/** Clients of DynamoDB Local need some credentials and region; with -sharedDb their values do not matter. */
export function localDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'outpost', secretAccessKey: 'outpost' },
    maxAttempts: 1,
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntilReady(endpoint: string, child: RunningChild, options: ReadinessOptions): Promise<void> {
  const client = localDynamoDbClient(endpoint);
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  try {
    for (;;) {
      if (options.signal.aborted) {
        throw new DynamoDbLocalStartError('Stopped while DynamoDB Local was starting.', child.outputTail());
      }
      if (child.hasExited()) {
        const exit = await child.exited;
        throw new DynamoDbLocalStartError(
          `DynamoDB Local exited while starting (${describeExit(exit)}).`,
          child.outputTail(),
          { cause: exit.error ?? lastError },
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.any([options.signal, AbortSignal.timeout(2_000)]),
        });
        return;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) {
        throw new DynamoDbLocalStartError(
          `DynamoDB Local did not answer ListTables at ${endpoint} within ${options.timeoutMs}ms.`,
          child.outputTail(),
          { cause: lastError },
        );
      }
      await Promise.race([sleep(options.intervalMs), child.exited]);
    }
  } finally {
    client.destroy();
  }
}
