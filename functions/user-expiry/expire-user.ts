// The cleanup of one expired user, step by step. The handle claim is freed first. Memberships go
// before contributions, so a space the user was alone in is deleted with its notes and comments
// rather than anonymised; what the user wrote in spaces that live on is anonymised next; the
// Cognito user goes last, so a failed step can still be retried for a user that the pool would
// otherwise have forgotten.
import { anonymiseComments } from './anonymise-comments';
import { anonymiseNotes } from './anonymise-notes';
import type { CleanupContext } from './cleanup-context';
import { deleteCognitoUser } from './delete-cognito-user';
import { deleteDevices } from './delete-devices';
import { CleanupStepError, type CleanupStep } from './errors';
import { leaveSpaces, type LeaveSummary } from './leave-spaces';
import { releaseHandle } from './release-handle';

/** Who expired: their id (Cognito `sub`) and the handle their deleted profile had claimed, if any. */
export interface ExpiredUser {
  readonly id: string;
  readonly handle?: string;
}

export interface ExpiryReport {
  readonly userId: string;
  readonly handleReleased: boolean;
  readonly devicesDeleted: number;
  readonly memberships: LeaveSummary;
  readonly notesAnonymised: number;
  readonly commentsAnonymised: number;
  readonly cognitoUserDeleted: boolean;
}

async function step<T>(name: CleanupStep, userId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new CleanupStepError(name, userId, { cause: error });
  }
}

export async function expireUser(context: CleanupContext, user: ExpiredUser): Promise<ExpiryReport> {
  const userId = user.id;
  const handleReleased = await step('handle', userId, () => releaseHandle(context, userId, user.handle));
  const devicesDeleted = await step('devices', userId, () => deleteDevices(context, userId));
  const memberships = await step('memberships', userId, () => leaveSpaces(context, userId));
  const notesAnonymised = await step('notes', userId, () => anonymiseNotes(context, userId));
  const commentsAnonymised = await step('comments', userId, () => anonymiseComments(context, userId));
  const cognitoUserDeleted = await step('cognito', userId, () => deleteCognitoUser(context, userId));
  return { userId, handleReleased, devicesDeleted, memberships, notesAnonymised, commentsAnonymised, cognitoUserDeleted };
}
