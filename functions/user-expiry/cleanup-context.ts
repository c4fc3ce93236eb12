import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { UserExpiryConfig } from './config';

/** What every cleanup step gets: the clients, the configuration, the time and the logger. */
export interface CleanupContext {
  readonly dynamodb: DynamoDBClient;
  readonly cognito: CognitoIdentityProviderClient;
  readonly config: UserExpiryConfig;
  readonly now: () => Date;
  readonly logger: Logger;
}
