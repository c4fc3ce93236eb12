// The SDK clients, created once per execution environment on first use and reused across
// invocations. Endpoints come from the standard AWS_ENDPOINT_URL_* variables, so the same bundle
// talks to AWS in the cloud and to DynamoDB Local and cognito-local in Outpost Local.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface UserExpiryClients {
  readonly dynamodb: DynamoDBClient;
  readonly cognito: CognitoIdentityProviderClient;
}

let clients: UserExpiryClients | undefined;

export function userExpiryClients(): UserExpiryClients {
  clients ??= { dynamodb: new DynamoDBClient({}), cognito: new CognitoIdentityProviderClient({}) };
  return clients;
}
