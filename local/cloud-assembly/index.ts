export { readCloudAssembly, type CloudAssemblyModel } from './read-cloud-assembly';
export { CloudAssemblyReadError } from './errors';
export { type AssemblyWarning, type AssemblyWarningCode, containsUnresolved, UNRESOLVED_PREFIX } from './warnings';
export type { LocalAsset } from './asset-index';
export {
  createLocalEnvironment,
  DEFAULT_PSEUDO_PARAMETERS,
  LOCAL_ACCOUNT_ID,
  type AttributeProvider,
  type AttributeValue,
  type LocalEndpoints,
  type LocalEnvironment,
  type LocalEnvironmentOptions,
  type PseudoParameters,
  type ResourceContext,
  type ResourceOverrides,
} from './environment/local-environment';
export { defaultAttributeProviders } from './environment/default-providers';
export { LOCAL_STREAM_LABEL } from './environment/dynamodb-providers';
export { IGNORED_RESOURCE_TYPES } from './model/ignored-types';
export type { StackModel } from './model/stack-model';
export type { TableModel, KeySchemaElement, AttributeDefinition, SecondaryIndex, Projection, StreamViewType } from './model/dynamodb-table';
export type { UserPoolModel, UserPoolClientModel, UserPoolGroupModel, PasswordPolicy, SchemaAttribute } from './model/cognito-user-pool';
export type {
  GraphqlApiModel,
  AuthMode,
  AuthenticationType,
  UserPoolAuthConfig,
  OpenIdConnectAuthConfig,
  LambdaAuthorizerConfig,
  LogConfig,
} from './model/appsync-graphql-api';
export type { SchemaModel } from './model/appsync-schema';
export type { ApiKeyModel } from './model/appsync-api-key';
export type { DataSourceModel, DynamoDbDataSourceConfig, DeltaSyncConfig, HttpDataSourceConfig, OpenSearchDataSourceConfig } from './model/appsync-data-source';
export type { ResolverModel, CachingConfig } from './model/appsync-resolver';
export type { AppsyncFunctionModel } from './model/appsync-function';
export type { ResolverSettings, AppsyncRuntime, SyncConfig } from './model/appsync-resolver-settings';
export type { LambdaFunctionModel, LambdaCode } from './model/lambda-function';
export type { EventSourceMappingModel, EventFilter } from './model/lambda-event-source-mapping';
export type { SearchDomainModel } from './model/search-domain';
