import { AdminDeleteUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { CleanupContext } from './cleanup-context';

/**
 * Deletes the user from the pool. Username may be the user's `sub` ("If username isn't an alias
 * attribute in your user pool, this value must be the sub of a local user":
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDeleteUser.html).
 * UserNotFoundException means an earlier delivery already did it. Returns whether it deleted.
 */
export async function deleteCognitoUser(context: CleanupContext, userId: string): Promise<boolean> {
  try {
    await context.cognito.send(new AdminDeleteUserCommand({ UserPoolId: context.config.userPoolId, Username: userId }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'UserNotFoundException') return false;
    throw error;
  }
}
