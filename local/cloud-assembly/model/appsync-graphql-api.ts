import type { ApiKeyModel } from './appsync-api-key';
import type { DataSourceModel } from './appsync-data-source';
import type { AppsyncFunctionModel } from './appsync-function';
import type { ResolverModel } from './appsync-resolver';
import type { SchemaModel } from './appsync-schema';
import type { ResourceInput } from './model-context';
import type { ValueReader } from './value-reader';

export type AuthenticationType = 'API_KEY' | 'AWS_IAM' | 'AMAZON_COGNITO_USER_POOLS' | 'OPENID_CONNECT' | 'AWS_LAMBDA';

export interface UserPoolAuthConfig {
  readonly userPoolId: string;
  readonly awsRegion: string | null;
  readonly appIdClientRegex: string | null;
  /** Only the default auth mode may set one (ALLOW or DENY); null when absent and for additional modes. */
  readonly defaultAction: 'ALLOW' | 'DENY' | null;
}

export interface OpenIdConnectAuthConfig {
  readonly issuer: string;
  readonly clientId: string | null;
  readonly iatTtl: number | null;
  readonly authTtl: number | null;
}

export interface LambdaAuthorizerConfig {
  /** The authorizer function's ARN, resolved. */
  readonly authorizerUri: string;
  readonly authorizerResultTtlInSeconds: number | null;
  readonly identityValidationExpression: string | null;
}

export interface AuthMode {
  readonly authenticationType: AuthenticationType;
  readonly userPoolConfig: UserPoolAuthConfig | null;
  readonly openIdConnectConfig: OpenIdConnectAuthConfig | null;
  readonly lambdaAuthorizerConfig: LambdaAuthorizerConfig | null;
}

export interface LogConfig {
  readonly fieldLogLevel: 'NONE' | 'ERROR' | 'INFO' | 'DEBUG' | 'ALL' | null;
  readonly excludeVerboseContent: boolean;
}

/** `AWS::AppSync::GraphQLApi` with the schema, keys, data sources, resolvers and functions that name it. */
export interface GraphqlApiModel {
  readonly logicalId: string;
  readonly name: string | null;
  readonly apiId: string;
  readonly arn: string;
  readonly defaultAuthMode: AuthMode;
  readonly additionalAuthModes: readonly AuthMode[];
  readonly logConfig: LogConfig | null;
  readonly xrayEnabled: boolean;
  /** 0 (or absent) means no depth limit (https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html). */
  readonly queryDepthLimit: number;
  /** 0 (or absent) means AppSync's default of 10000 resolvers per request (same page). */
  readonly resolverCountLimit: number;
  /** Absent means ENABLED (https://docs.aws.amazon.com/appsync/latest/APIReference/API_GraphqlApi.html). */
  readonly introspectionConfig: 'ENABLED' | 'DISABLED';
  readonly visibility: 'GLOBAL' | 'PRIVATE';
  /** What resolvers read as `ctx.env`, with intrinsics (e.g. table names) resolved. */
  readonly environmentVariables: Readonly<Record<string, string>>;
  readonly schema: SchemaModel | null;
  readonly apiKeys: readonly ApiKeyModel[];
  readonly dataSources: readonly DataSourceModel[];
  readonly resolvers: readonly ResolverModel[];
  readonly functions: readonly AppsyncFunctionModel[];
}

export interface GraphqlApiChildren {
  readonly schema: SchemaModel | null;
  readonly apiKeys: readonly ApiKeyModel[];
  readonly dataSources: readonly DataSourceModel[];
  readonly resolvers: readonly ResolverModel[];
  readonly functions: readonly AppsyncFunctionModel[];
}

const AUTHENTICATION_TYPES: readonly AuthenticationType[] = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'];

/** The API's own id, which its children's `ApiId` resolves to. */
export function graphqlApiId(input: ResourceInput): string {
  return String(input.context.resolver.resolve({ 'Fn::GetAtt': [input.logicalId, 'ApiId'] }, `Resources.${input.logicalId}`));
}

export function buildGraphqlApiModel(input: ResourceInput, children: GraphqlApiChildren): GraphqlApiModel {
  const { properties, logicalId, context } = input;
  const logConfig = properties.object('LogConfig');
  return {
    logicalId,
    name: properties.string('Name') ?? null,
    apiId: graphqlApiId(input),
    arn: String(context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] }, `Resources.${logicalId}`)),
    defaultAuthMode: authMode(properties, true),
    additionalAuthModes: properties.objects('AdditionalAuthenticationProviders').map((provider) => authMode(provider, false)),
    logConfig:
      logConfig === undefined
        ? null
        : {
            fieldLogLevel: logConfig.oneOf('FieldLogLevel', ['NONE', 'ERROR', 'INFO', 'DEBUG', 'ALL'] as const) ?? null,
            excludeVerboseContent: logConfig.boolean('ExcludeVerboseContent') ?? false,
          },
    xrayEnabled: properties.boolean('XrayEnabled') ?? false,
    queryDepthLimit: properties.number('QueryDepthLimit') ?? 0,
    resolverCountLimit: properties.number('ResolverCountLimit') ?? 0,
    introspectionConfig: properties.oneOf('IntrospectionConfig', ['ENABLED', 'DISABLED'] as const) ?? 'ENABLED',
    visibility: properties.oneOf('Visibility', ['GLOBAL', 'PRIVATE'] as const) ?? 'GLOBAL',
    environmentVariables: properties.object('EnvironmentVariables')?.stringEntries() ?? {},
    ...children,
  };
}

function authMode(reader: ValueReader, isDefault: boolean): AuthMode {
  const typeKey = 'AuthenticationType';
  const userPool = reader.object('UserPoolConfig');
  const openId = reader.object('OpenIDConnectConfig');
  const lambda = reader.object('LambdaAuthorizerConfig');
  const userPoolId = userPool?.string('UserPoolId');
  const issuer = openId?.string('Issuer');
  const authorizerUri = lambda?.string('AuthorizerUri');
  return {
    // CloudFormation rejects a missing or unknown type. Locally the mode falls back to AWS_IAM, the
    // mode a mobile client cannot satisfy by accident, and the warning says so.
    authenticationType: reader.oneOf(typeKey, AUTHENTICATION_TYPES) ?? reader.missing(typeKey, 'AWS_IAM'),
    userPoolConfig:
      userPoolId === undefined
        ? null
        : {
            userPoolId,
            awsRegion: userPool?.string('AwsRegion') ?? null,
            appIdClientRegex: userPool?.string('AppIdClientRegex') ?? null,
            defaultAction: isDefault ? (userPool?.oneOf('DefaultAction', ['ALLOW', 'DENY'] as const) ?? null) : null,
          },
    openIdConnectConfig:
      issuer === undefined
        ? null
        : {
            issuer,
            clientId: openId?.string('ClientId') ?? null,
            iatTtl: openId?.number('IatTTL') ?? null,
            authTtl: openId?.number('AuthTTL') ?? null,
          },
    lambdaAuthorizerConfig:
      authorizerUri === undefined
        ? null
        : {
            authorizerUri,
            authorizerResultTtlInSeconds: lambda?.number('AuthorizerResultTtlInSeconds') ?? null,
            identityValidationExpression: lambda?.string('IdentityValidationExpression') ?? null,
          },
  };
}
