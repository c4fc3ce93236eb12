// Seeds a new local stack through its own front doors: the demo users are created in cognito-local,
// then each signs in and sets up their profile with the API, exactly as an app would.
import { InitiateAuthCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createUser } from '../services/cognito-local';
import type { DemoUserProfile } from './demo-users';

export class SeedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SeedError';
  }
}

export interface SeedTarget {
  readonly cognito: CognitoIdentityProviderClient;
  readonly userPoolId: string;
  readonly clientId: string;
  /** The plain-HTTP GraphQL URL of the running stack. */
  readonly graphqlUrl: string;
  readonly log: (line: string) => void;
}

export async function signIn(target: Pick<SeedTarget, 'cognito' | 'clientId'>, username: string, password: string): Promise<string> {
  const auth = await target.cognito.send(
    new InitiateAuthCommand({ ClientId: target.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
  const token = auth.AuthenticationResult?.IdToken;
  if (!token) throw new SeedError(`${username} could not sign in: cognito-local returned no ID token.`);
  return token;
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!response.ok || body.errors) throw new SeedError(`the API answered ${response.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

const SET_UP_PROFILE = `mutation SeedProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { id handle displayName }
}`;

/** Creates any missing demo user and gives each new one a profile. Existing users are left as they are. */
export async function seedDemoUsers(target: SeedTarget, users: readonly DemoUserProfile[]): Promise<void> {
  for (const user of users) {
    const created = await createUser(target.cognito, {
      userPoolId: target.userPoolId,
      username: user.username,
      password: user.password,
      attributes: { email: user.username, email_verified: 'true' },
      groups: [...user.groups],
    });
    if (!created.created) continue;
    const token = await signIn(target, user.username, user.password);
    await graphql(target.graphqlUrl, token, SET_UP_PROFILE, { input: { handle: user.handle, displayName: user.displayName } });
    target.log(`seed: created ${user.username} (@${user.handle})`);
  }
}
