import { localArn } from './arn';
import type { AttributeProvider, ResourceContext } from './local-environment';

/** AppSync API ids are lower-case alphanumerics; the lower-cased logical id is one, and stable. */
const apiId = (resource: ResourceContext): string => resource.logicalId.toLowerCase();
const apiArn = (resource: ResourceContext): string => localArn(resource, 'appsync', `apis/${apiId(resource)}`);
/** Children name their API through `ApiId`, already resolved to the API's local id. */
const parentApiArn = (resource: ResourceContext): string =>
  localArn(resource, 'appsync', `apis/${resource.stringProperty('ApiId') ?? ''}`);
const hostOf = (url: string | undefined): string | undefined => (url === undefined ? undefined : new URL(url).host);

/** An API key's value and id are the same `da2-…` string in AppSync. */
const apiKey = (resource: ResourceContext): string => `da2-${resource.logicalId.toLowerCase()}`;
const functionId = (resource: ResourceContext): string => resource.logicalId;

// Ref returns the ARN for GraphQLApi, DataSource, FunctionConfiguration and Resolver
// (aws-cdk-lib aws-appsync/lib/appsync.generated.js: graphQlApiRef = { graphQlApiArn: this.ref }, ...).
export const appsyncProviders: Readonly<Record<string, AttributeProvider>> = {
  'AWS::AppSync::GraphQLApi': {
    ref: apiArn,
    attributes: {
      ApiId: apiId,
      Arn: apiArn,
      GraphQLEndpointArn: apiArn,
      GraphQLUrl: (resource) => resource.endpoints.graphqlUrl,
      RealtimeUrl: (resource) => resource.endpoints.realtimeUrl,
      GraphQLDns: (resource) => hostOf(resource.endpoints.graphqlUrl),
      RealtimeDns: (resource) => hostOf(resource.endpoints.realtimeUrl),
    },
  },
  'AWS::AppSync::ApiKey': {
    ref: (resource) => `${parentApiArn(resource)}/apikeys/${apiKey(resource)}`,
    attributes: {
      ApiKey: apiKey,
      ApiKeyId: apiKey,
      Arn: (resource) => `${parentApiArn(resource)}/apikeys/${apiKey(resource)}`,
    },
  },
  'AWS::AppSync::DataSource': {
    ref: (resource) => `${parentApiArn(resource)}/datasources/${resource.stringProperty('Name') ?? ''}`,
    attributes: {
      DataSourceArn: (resource) => `${parentApiArn(resource)}/datasources/${resource.stringProperty('Name') ?? ''}`,
      Name: (resource) => resource.stringProperty('Name'),
    },
  },
  'AWS::AppSync::FunctionConfiguration': {
    ref: (resource) => `${parentApiArn(resource)}/functions/${functionId(resource)}`,
    attributes: {
      FunctionArn: (resource) => `${parentApiArn(resource)}/functions/${functionId(resource)}`,
      FunctionId: functionId,
      Name: (resource) => resource.stringProperty('Name'),
      DataSourceName: (resource) => resource.stringProperty('DataSourceName'),
    },
  },
  'AWS::AppSync::Resolver': {
    ref: (resource) => resolverArn(resource),
    attributes: {
      ResolverArn: (resource) => resolverArn(resource),
      TypeName: (resource) => resource.stringProperty('TypeName'),
      FieldName: (resource) => resource.stringProperty('FieldName'),
    },
  },
  'AWS::AppSync::GraphQLSchema': {
    ref: (resource) => `${resource.stringProperty('ApiId') ?? ''}GraphQLSchema`,
    attributes: { Id: (resource) => `${resource.stringProperty('ApiId') ?? ''}GraphQLSchema` },
  },
};

function resolverArn(resource: ResourceContext): string {
  const typeName = resource.stringProperty('TypeName') ?? '';
  const fieldName = resource.stringProperty('FieldName') ?? '';
  return `${parentApiArn(resource)}/types/${typeName}/resolvers/${fieldName}`;
}
