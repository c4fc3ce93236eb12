// Turns the synthesized API's auth settings (read by local/cloud-assembly) into this layer's config.
import type { ApiKeyModel, AuthMode, GraphqlApiModel } from '../../cloud-assembly';
import type { AuthConfig, AuthModeConfig, IamCredential } from './config';
import type { LambdaAuthorizerInvoker } from './lambda-authorizer';

/** A mode in the template lacks the settings AppSync requires for it (CloudFormation would reject it too). */
export class IncompleteAuthModeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncompleteAuthModeError';
  }
}

/** What only the local runtime knows: where pools live, which keys sign IAM requests, how to run a function. */
export interface LocalAuthWiring {
  readonly accountId: string;
  readonly region: string;
  /** The `iss` of tokens from the local pool standing for `userPoolId` (e.g. cognito-local's URL for it). */
  userPoolIssuer(userPoolId: string, awsRegion: string | null): string;
  readonly iamCredentials: Readonly<Record<string, IamCredential>>;
  /** Runs the Lambda authorizer named by its resolved ARN. */
  lambdaInvoker(authorizerUri: string): LambdaAuthorizerInvoker;
}

export function authConfigFromApi(api: Pick<GraphqlApiModel, 'apiId' | 'defaultAuthMode' | 'additionalAuthModes' | 'apiKeys'>, wiring: LocalAuthWiring): AuthConfig {
  return {
    apiId: api.apiId,
    accountId: wiring.accountId,
    region: wiring.region,
    defaultMode: modeConfig(api.defaultAuthMode, wiring),
    additionalModes: api.additionalAuthModes.map((mode) => modeConfig(mode, wiring)),
    // A key without Expires gets AppSync's 7 days from its creation; a local key is created on every
    // start, so it never runs out while Outpost Local runs.
    apiKeys: api.apiKeys.map((key: ApiKeyModel) => ({ key: key.apiKey, expires: key.expires })),
    iamCredentials: wiring.iamCredentials,
  };
}

function modeConfig(mode: AuthMode, wiring: LocalAuthWiring): AuthModeConfig {
  switch (mode.authenticationType) {
    case 'API_KEY':
    case 'AWS_IAM':
      return { authenticationType: mode.authenticationType };
    case 'AMAZON_COGNITO_USER_POOLS': {
      const pool = mode.userPoolConfig;
      if (pool === null) throw new IncompleteAuthModeError('an AMAZON_COGNITO_USER_POOLS mode has no UserPoolConfig.UserPoolId');
      return {
        authenticationType: 'AMAZON_COGNITO_USER_POOLS',
        issuer: wiring.userPoolIssuer(pool.userPoolId, pool.awsRegion),
        appIdClientRegex: pool.appIdClientRegex,
        defaultAction: pool.defaultAction,
      };
    }
    case 'OPENID_CONNECT': {
      const oidc = mode.openIdConnectConfig;
      if (oidc === null) throw new IncompleteAuthModeError('an OPENID_CONNECT mode has no OpenIDConnectConfig.Issuer');
      return { authenticationType: 'OPENID_CONNECT', issuer: oidc.issuer, clientId: oidc.clientId, iatTtl: oidc.iatTtl, authTtl: oidc.authTtl };
    }
    case 'AWS_LAMBDA': {
      const lambda = mode.lambdaAuthorizerConfig;
      if (lambda === null) throw new IncompleteAuthModeError('an AWS_LAMBDA mode has no LambdaAuthorizerConfig.AuthorizerUri');
      return {
        authenticationType: 'AWS_LAMBDA',
        authorizerResultTtlInSeconds: lambda.authorizerResultTtlInSeconds,
        identityValidationExpression: lambda.identityValidationExpression,
        invoke: wiring.lambdaInvoker(lambda.authorizerUri),
      };
    }
  }
}
