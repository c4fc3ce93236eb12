// Finds the app client by name within its pool, or creates it.
import {
  CreateUserPoolClientCommand,
  ListUserPoolClientsCommand,
  UpdateUserPoolClientCommand,
  type CognitoIdentityProviderClient,
  type ExplicitAuthFlowsType,
  type TokenValidityUnitsType,
  type UserPoolClientDescription,
} from '@aws-sdk/client-cognito-identity-provider';
import { AmbiguousUserPoolClientError } from './errors';

export interface UserPoolClientSpec {
  userPoolId: string;
  name: string;
  /** e.g. ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']. */
  explicitAuthFlows?: ExplicitAuthFlowsType[];
  generateSecret?: boolean;
  /** Token lifetimes, in `tokenValidityUnits` (Cognito's default unit is hours for ID and access tokens). */
  idTokenValidity?: number;
  accessTokenValidity?: number;
  refreshTokenValidity?: number;
  tokenValidityUnits?: TokenValidityUnitsType;
}

export interface EnsuredUserPoolClient {
  clientId: string;
  created: boolean;
}

async function listAllClients(client: CognitoIdentityProviderClient, userPoolId: string): Promise<UserPoolClientDescription[]> {
  const clients: UserPoolClientDescription[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60, NextToken: nextToken }));
    clients.push(...(page.UserPoolClients ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return clients;
}

export async function ensureUserPoolClient(
  client: CognitoIdentityProviderClient,
  spec: UserPoolClientSpec,
): Promise<EnsuredUserPoolClient> {
  const matches = (await listAllClients(client, spec.userPoolId)).filter((appClient) => appClient.ClientName === spec.name);
  if (matches.length > 1) {
    throw new AmbiguousUserPoolClientError(spec.userPoolId, spec.name, matches.map((appClient) => appClient.ClientId ?? '?'));
  }
  const settings = {
    ExplicitAuthFlows: spec.explicitAuthFlows,
    IdTokenValidity: spec.idTokenValidity,
    AccessTokenValidity: spec.accessTokenValidity,
    RefreshTokenValidity: spec.refreshTokenValidity,
    TokenValidityUnits: spec.tokenValidityUnits,
  };
  const existing = matches[0]?.ClientId;
  if (existing) {
    // The template may have changed since the client was made: bring it up to date.
    await client.send(new UpdateUserPoolClientCommand({ UserPoolId: spec.userPoolId, ClientId: existing, ClientName: spec.name, ...settings }));
    return { clientId: existing, created: false };
  }
  const created = await client.send(
    new CreateUserPoolClientCommand({ UserPoolId: spec.userPoolId, ClientName: spec.name, GenerateSecret: spec.generateSecret, ...settings }),
  );
  return { clientId: created.UserPoolClient?.ClientId as string, created: true };
}
