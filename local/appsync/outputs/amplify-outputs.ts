// amplify_outputs.json for Outpost Local, in the Amplify Gen 2 client configuration format, schema
// version "1": aws-amplify/amplify-backend packages/client-config/src/client-config-schema/schema_v1.json.
// Amplify v6 reads `auth` and `data`; everything only Outpost Local knows goes under
// `custom.outpost_local`, which the schema leaves open for backend.addOutput({ custom }).
import { AmplifyOutputsInputError } from './errors';

export type AppSyncAuthorizationType = 'AMAZON_COGNITO_USER_POOLS' | 'API_KEY' | 'AWS_IAM' | 'AWS_LAMBDA' | 'OPENID_CONNECT';
export type UsernameAttribute = 'email' | 'phone_number' | 'username';
export type VerificationType = 'email' | 'phone_number';
export type MfaConfiguration = 'NONE' | 'OPTIONAL' | 'REQUIRED';
export type MfaMethod = 'SMS' | 'TOTP';

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly groups: readonly string[];
}

export interface PasswordPolicy {
  readonly minLength: number;
  readonly requireNumbers: boolean;
  readonly requireLowercase: boolean;
  readonly requireUppercase: boolean;
  readonly requireSymbols: boolean;
}

export interface UserPoolOutputsInput {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** cognito-local's endpoint, e.g. http://127.0.0.1:9229. */
  readonly endpoint: string;
  readonly passwordPolicy: PasswordPolicy;
  readonly standardRequiredAttributes: readonly string[];
  readonly usernameAttributes: readonly UsernameAttribute[];
  readonly userVerificationTypes: readonly VerificationType[];
  /** Default: omitted, which Amplify reads as MFA off. */
  readonly mfaConfiguration?: MfaConfiguration;
  readonly mfaMethods?: readonly MfaMethod[];
}

export interface AmplifyOutputsInput {
  readonly region: string;
  readonly api: {
    /** The GraphQL endpoint over TLS, e.g. https://localhost:20002/graphql. */
    readonly httpsUrl: string;
    /** The same endpoint over plain HTTP, for tools that cannot trust a local CA. */
    readonly httpUrl: string;
    readonly defaultAuthorizationType: AppSyncAuthorizationType;
    /** The API's other auth modes, without the default one. */
    readonly additionalAuthorizationTypes: readonly AppSyncAuthorizationType[];
    /** Required when API_KEY is one of the auth modes. */
    readonly apiKey?: string;
  };
  /** Required when AMAZON_COGNITO_USER_POOLS is one of the auth modes. */
  readonly userPool?: UserPoolOutputsInput;
  /** Absolute path of the local CA certificate to trust. */
  readonly caCertificatePath: string;
  readonly demoUsers: readonly DemoUser[];
}

export interface AmplifyOutputs {
  readonly version: '1';
  readonly auth?: {
    readonly aws_region: string;
    readonly user_pool_id: string;
    readonly user_pool_client_id: string;
    readonly password_policy: {
      readonly min_length: number;
      readonly require_numbers: boolean;
      readonly require_lowercase: boolean;
      readonly require_uppercase: boolean;
      readonly require_symbols: boolean;
    };
    readonly standard_required_attributes: readonly string[];
    readonly username_attributes: readonly UsernameAttribute[];
    readonly user_verification_types: readonly VerificationType[];
    readonly mfa_configuration?: MfaConfiguration;
    readonly mfa_methods?: readonly MfaMethod[];
  };
  readonly data: {
    readonly url: string;
    readonly aws_region: string;
    readonly default_authorization_type: AppSyncAuthorizationType;
    readonly authorization_types: readonly AppSyncAuthorizationType[];
    readonly api_key?: string;
  };
  readonly custom: {
    readonly outpost_local: {
      readonly user_pool_endpoint?: string;
      readonly http_url: string;
      readonly ca_certificate: string;
      readonly demo_users: readonly { readonly username: string; readonly password: string; readonly groups: readonly string[] }[];
    };
  };
}

function validate(input: AmplifyOutputsInput): void {
  const { api, userPool } = input;
  if (!api.httpsUrl.startsWith('https://')) {
    // Amplify v6 opens subscriptions on wss://<data.url host and path>/realtime even for an http:// URL
    // (amplify-js packages/api-graphql/src/Providers/AWSWebSocketProvider/appsyncUrl.ts), so the URL must be TLS.
    throw new AmplifyOutputsInputError(`api.httpsUrl must be an https:// URL; received "${api.httpsUrl}".`);
  }
  const modes = [api.defaultAuthorizationType, ...api.additionalAuthorizationTypes];
  if (new Set(modes).size !== modes.length) {
    throw new AmplifyOutputsInputError(
      `Each auth mode must appear once across the default and the additional ones; received ${modes.join(', ')}.`,
    );
  }
  if (modes.includes('API_KEY') && api.apiKey === undefined) {
    throw new AmplifyOutputsInputError('The API has the API_KEY auth mode, so api.apiKey is required; received none.');
  }
  if (modes.includes('AMAZON_COGNITO_USER_POOLS') && userPool === undefined) {
    throw new AmplifyOutputsInputError(
      'The API has the AMAZON_COGNITO_USER_POOLS auth mode, so userPool is required; received none.',
    );
  }
  const minLength = userPool?.passwordPolicy.minLength;
  if (minLength !== undefined && !(Number.isInteger(minLength) && minLength >= 6 && minLength <= 99)) {
    throw new AmplifyOutputsInputError(`userPool.passwordPolicy.minLength must be an integer from 6 to 99; received ${minLength}.`);
  }
}

function authOutputs(region: string, userPool: UserPoolOutputsInput): NonNullable<AmplifyOutputs['auth']> {
  const { passwordPolicy } = userPool;
  return {
    aws_region: region,
    user_pool_id: userPool.userPoolId,
    user_pool_client_id: userPool.userPoolClientId,
    password_policy: {
      min_length: passwordPolicy.minLength,
      require_numbers: passwordPolicy.requireNumbers,
      require_lowercase: passwordPolicy.requireLowercase,
      require_uppercase: passwordPolicy.requireUppercase,
      require_symbols: passwordPolicy.requireSymbols,
    },
    standard_required_attributes: [...userPool.standardRequiredAttributes],
    username_attributes: [...userPool.usernameAttributes],
    user_verification_types: [...userPool.userVerificationTypes],
    ...(userPool.mfaConfiguration !== undefined && { mfa_configuration: userPool.mfaConfiguration }),
    ...(userPool.mfaMethods !== undefined && { mfa_methods: [...userPool.mfaMethods] }),
  };
}

export function buildAmplifyOutputs(input: AmplifyOutputsInput): AmplifyOutputs {
  validate(input);
  const { api, userPool, region } = input;
  return {
    version: '1',
    ...(userPool !== undefined && { auth: authOutputs(region, userPool) }),
    data: {
      url: api.httpsUrl,
      aws_region: region,
      default_authorization_type: api.defaultAuthorizationType,
      // Like Amplify's own generator, the additional modes only
      // (amplify-backend packages/client-config/src/client-config-contributor/client_config_contributor_v1.ts).
      authorization_types: [...api.additionalAuthorizationTypes],
      ...(api.apiKey !== undefined && { api_key: api.apiKey }),
    },
    custom: {
      outpost_local: {
        ...(userPool !== undefined && { user_pool_endpoint: userPool.endpoint }),
        http_url: api.httpUrl,
        ca_certificate: input.caCertificatePath,
        demo_users: input.demoUsers.map((user) => ({ username: user.username, password: user.password, groups: [...user.groups] })),
      },
    },
  };
}
