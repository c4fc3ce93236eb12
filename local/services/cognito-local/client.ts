// An SDK client for cognito-local: the SDK needs a region and credentials, whose values cognito-local ignores.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export function localCognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'outpost', secretAccessKey: 'outpost' },
  });
}
