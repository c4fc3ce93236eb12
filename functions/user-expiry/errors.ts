import { FunctionError } from '../shared/errors';

/** The cleanup steps, in the order they run; logs and errors name them. */
export type CleanupStep = 'handle' | 'devices' | 'memberships' | 'notes' | 'comments' | 'cognito';

/**
 * One cleanup step of one expired user failed (DynamoDB or Cognito refused or was unreachable).
 * The record is reported as a batch item failure, so Lambda delivers it again; every step is
 * idempotent, so the steps that already ran find nothing left to do.
 */
export class CleanupStepError extends FunctionError {
  readonly errorType = 'UserExpiryCleanupFailed';

  constructor(
    readonly step: CleanupStep,
    readonly userId: string,
    options: { cause: unknown },
  ) {
    super(`The ${step} step of the cleanup of expired user ${userId} failed: ${options.cause instanceof Error ? options.cause.message : String(options.cause)}`, options);
  }
}

/** An item kept changing under the cleanup: its conditional write failed on every attempt. */
export class ConcurrentChangeError extends FunctionError {
  readonly errorType = 'ConcurrentChange';
}
