// Creates a ready-to-use user (demo and seed users): confirmed, with a permanent password, in its groups.
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  UserNotFoundException,
  type AdminGetUserCommandOutput,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

export interface UserSpec {
  userPoolId: string;
  /** The sign-in name: the email in a pool whose usernameAttributes include email. */
  username: string;
  password: string;
  /** Standard and custom attributes, e.g. { email, name, 'custom:team': 'x' }. */
  attributes?: Record<string, string>;
  groups?: string[];
}

export interface CreatedUser {
  /** The user's Cognito username (a generated id when the pool signs in by email). */
  username: string;
  sub: string;
  created: boolean;
}

async function findUser(client: CognitoIdentityProviderClient, userPoolId: string, username: string): Promise<AdminGetUserCommandOutput | undefined> {
  try {
    return await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}

function toCreatedUser(user: AdminGetUserCommandOutput, created: boolean): CreatedUser {
  const sub = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  return { username: user.Username as string, sub: sub as string, created };
}

/**
 * AdminCreateUser (no welcome message), AdminSetUserPassword permanent (so the user is CONFIRMED and signs in
 * with no new-password challenge), then AdminAddUserToGroup. A user that already exists keeps its password and
 * attributes, and is only added to any missing groups, so a seed can run on every start.
 */
export async function createUser(client: CognitoIdentityProviderClient, spec: UserSpec): Promise<CreatedUser> {
  let user = await findUser(client, spec.userPoolId, spec.username);
  const created = user === undefined;
  if (user === undefined) {
    await client.send(
      new AdminCreateUserCommand({
        UserPoolId: spec.userPoolId,
        Username: spec.username,
        MessageAction: 'SUPPRESS',
        UserAttributes: Object.entries(spec.attributes ?? {}).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    await client.send(
      new AdminSetUserPasswordCommand({ UserPoolId: spec.userPoolId, Username: spec.username, Password: spec.password, Permanent: true }),
    );
    user = (await findUser(client, spec.userPoolId, spec.username)) as AdminGetUserCommandOutput;
  }
  for (const group of spec.groups ?? []) {
    await client.send(new AdminAddUserToGroupCommand({ UserPoolId: spec.userPoolId, Username: spec.username, GroupName: group }));
  }
  return toCreatedUser(user, created);
}
