import type { Clock } from '../../services/clock';
import type { JsonFetcher } from './jwks';
import type { LambdaAuthorizerInvoker } from './lambda-authorizer';

export type AuthenticationType = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

export interface UserPoolModeConfig {
  readonly authenticationType: 'AMAZON_COGNITO_USER_POOLS';
  /** The `iss` of the pool's tokens: `https://cognito-idp.<region>.amazonaws.com/<poolId>` in AWS, the emulator's URL locally. */
  readonly issuer: string;
  /** Where the pool's signing keys are; defaults to `<issuer>/.well-known/jwks.json`, as Cognito publishes them. */
  readonly jwksUrl?: string;
  /** AppSync's `AppIdClientRegex`: the app clients whose tokens are accepted; null accepts any client of the pool. */
  readonly appIdClientRegex: string | null;
  /** `DefaultAction`, which only the default mode has; null for an additional mode. */
  readonly defaultAction: 'ALLOW' | 'DENY' | null;
}

export interface OidcModeConfig {
  readonly authenticationType: 'OPENID_CONNECT';
  /** Must equal the tokens' `iss`. */
  readonly issuer: string;
  /** Where the provider's keys are; defaults to the `jwks_uri` of `<issuer>/.well-known/openid-configuration`. */
  readonly jwksUrl?: string;
  /** `ClientId`: a regular expression the token's `aud` must match; null accepts any client. */
  readonly clientId: string | null;
  /** `IatTTL`: milliseconds a token stays valid after `iat`; null or 0 for no limit. */
  readonly iatTtl: number | null;
  /** `AuthTTL`: milliseconds a token stays valid after `auth_time`; null or 0 for no limit. */
  readonly authTtl: number | null;
}

export interface LambdaModeConfig {
  readonly authenticationType: 'AWS_LAMBDA';
  /** `AuthorizerResultTtlInSeconds`; null leaves the API default of 0, no caching. */
  readonly authorizerResultTtlInSeconds: number | null;
  /** `IdentityValidationExpression`: tokens that do not match are refused without calling the function. */
  readonly identityValidationExpression: string | null;
  readonly invoke: LambdaAuthorizerInvoker;
}

export type AuthModeConfig =
  | { readonly authenticationType: 'API_KEY' }
  | { readonly authenticationType: 'AWS_IAM' }
  | OidcModeConfig
  | UserPoolModeConfig
  | LambdaModeConfig;

export interface ApiKeyConfig {
  readonly key: string;
  /** Expiry in epoch seconds; null for a key that does not expire locally. */
  readonly expires: number | null;
}

/** A local IAM principal, found by its access key id. */
export interface IamCredential {
  readonly secretAccessKey: string;
  /** What AppSync puts in `ctx.identity.userArn`, e.g. `arn:aws:iam::123456789012:user/alice`. */
  readonly userArn: string;
  /** What AppSync puts in `ctx.identity.username`: the principal's unique id (e.g. `AIDA…`). */
  readonly username: string;
}

export interface AuthConfig {
  readonly apiId: string;
  readonly accountId: string;
  readonly region: string;
  readonly defaultMode: AuthModeConfig;
  readonly additionalModes: readonly AuthModeConfig[];
  readonly apiKeys: readonly ApiKeyConfig[];
  /** Access key id → credential, for SigV4. */
  readonly iamCredentials: Readonly<Record<string, IamCredential>>;
}

export interface AuthDependencies {
  readonly clock: Clock;
  /** Reads a pool's JWKS; defaults to an HTTP GET. */
  readonly fetchJson?: JsonFetcher;
  /** Lambda authorizer request ids; defaults to random UUIDs. */
  readonly requestId?: () => string;
}

export function allModes(config: AuthConfig): readonly AuthModeConfig[] {
  return [config.defaultMode, ...config.additionalModes];
}
