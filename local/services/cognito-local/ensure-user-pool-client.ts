// Finds the app client by name within its pool, or creates it.
import {
  CreateUserPoolClientCommand,
  ListUserPoolClientsCommand,
  type CognitoIdentityProviderClient,
  type ExplicitAuthFlowsType,
  type UserPoolClientDescription,
} from '@aws-sdk/client-cognito-identity-provider';
import { AmbiguousUserPoolClientError } from './errors';

export interface UserPoolClientSpec {
  userPoolId: string;
  name: string;
  /** e.g. ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']. */
  explicitAuthFlows?: ExplicitAuthFlowsType[];
  generateSecret?: boolean;
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
  const existing = matches[0]?.ClientId;
  if (existing) return { clientId: existing, created: false };
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: spec.userPoolId,
      ClientName: spec.name,
      ExplicitAuthFlows: spec.explicitAuthFlows,
      GenerateSecret: spec.generateSecret,
    }),
  );
  return { clientId: created.UserPoolClient?.ClientId as string, created: true };
}
