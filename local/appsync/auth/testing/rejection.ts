import { AuthenticationError } from '../errors';

/** What the server would answer for a rejected authentication, plus the logged reason. */
export interface Rejection {
  readonly statusCode: number;
  readonly body: unknown;
  readonly reason: string | undefined;
}

/** Awaits `promise` and returns its AuthenticationError as a whole object; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Rejection> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  if (!(outcome.error instanceof AuthenticationError)) throw outcome.error;
  const cause = outcome.error.cause;
  return { statusCode: outcome.error.statusCode, body: outcome.error.responseBody(), reason: cause instanceof Error ? cause.message : undefined };
}
