// Users and their tokens, from the stack's own cognito-local through the real AWS SDK client.
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { createUser, localCognitoClient } from '../../local/services/cognito-local';
import type { LocalStack } from '../../local/stack/start-stack';

export class SignInError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInError';
  }
}

export interface Tokens {
  readonly idToken: string;
  readonly accessToken: string;
}

export interface TestUser {
  readonly username: string;
  readonly password: string;
  readonly sub: string;
}

function userPoolOf(stack: LocalStack): { userPoolId: string; clientId: string } {
  if (stack.userPool === undefined) throw new SignInError('the stack has no user pool');
  return stack.userPool;
}

/** USER_PASSWORD_AUTH against cognito-local, as an app signs in. */
export async function signIn(stack: LocalStack, username: string, password: string): Promise<Tokens> {
  const cognito = localCognitoClient(stack.cognitoEndpoint);
  try {
    const auth = await cognito.send(
      new InitiateAuthCommand({ ClientId: userPoolOf(stack).clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );
    const result = auth.AuthenticationResult;
    if (!result?.IdToken || !result.AccessToken) throw new SignInError(`${username} signed in but cognito-local returned no tokens`);
    return { idToken: result.IdToken, accessToken: result.AccessToken };
  } finally {
    cognito.destroy();
  }
}

/** A confirmed user with a permanent password, made the way the seed makes the demo users. */
export async function createTestUser(stack: LocalStack, username: string): Promise<TestUser> {
  const cognito = localCognitoClient(stack.cognitoEndpoint);
  const password = 'Test-User-Pass-1';
  try {
    const created = await createUser(cognito, { userPoolId: userPoolOf(stack).userPoolId, username, password, attributes: { email: username, email_verified: 'true' } });
    return { username, password, sub: created.sub };
  } finally {
    cognito.destroy();
  }
}
