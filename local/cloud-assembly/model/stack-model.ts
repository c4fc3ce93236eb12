import { referencedLogicalId } from '../intrinsics/references';
import { buildApiKeyModel } from './appsync-api-key';
import { buildDataSourceModel, type DataSourceModel } from './appsync-data-source';
import { buildAppsyncFunctionModel } from './appsync-function';
import { buildGraphqlApiModel, type GraphqlApiModel, graphqlApiId } from './appsync-graphql-api';
import { buildResolverModel } from './appsync-resolver';
import { buildSchemaModel, type SchemaModel } from './appsync-schema';
import { buildUserPoolModel, type UserPoolModel } from './cognito-user-pool';
import { buildUserPoolClientModel } from './cognito-user-pool-client';
import { buildUserPoolGroupModel } from './cognito-user-pool-group';
import { buildTableModel, type TableModel } from './dynamodb-table';
import { IGNORED_RESOURCE_TYPES, isCustomResourceType } from './ignored-types';
import { buildEventSourceMappingModel, type EventSourceMappingModel } from './lambda-event-source-mapping';
import { buildLambdaFunctionModel, type LambdaFunctionModel } from './lambda-function';
import { type ModelContext, type ResourceInput, resourceInput } from './model-context';
import { buildSearchDomainModel, type SearchDomainModel } from './search-domain';
import { buildStackIndex } from './stack-index';

/** One stack of the cloud assembly, as Outpost Local runs it. */
export interface StackModel {
  readonly stackName: string;
  readonly tables: readonly TableModel[];
  readonly userPools: readonly UserPoolModel[];
  readonly graphqlApis: readonly GraphqlApiModel[];
  readonly functions: readonly LambdaFunctionModel[];
  readonly eventSourceMappings: readonly EventSourceMappingModel[];
  readonly searchDomains: readonly SearchDomainModel[];
}

const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];
const SEARCH_TYPES = ['AWS::OpenSearchService::Domain', 'AWS::OpenSearchServerless::Collection'];
const APPSYNC_CHILD_TYPES = [
  'AWS::AppSync::GraphQLSchema',
  'AWS::AppSync::ApiKey',
  'AWS::AppSync::DataSource',
  'AWS::AppSync::Resolver',
  'AWS::AppSync::FunctionConfiguration',
];
const MODELLED_TYPES = new Set([
  ...TABLE_TYPES,
  ...SEARCH_TYPES,
  ...APPSYNC_CHILD_TYPES,
  'AWS::AppSync::GraphQLApi',
  'AWS::Cognito::UserPool',
  'AWS::Cognito::UserPoolClient',
  'AWS::Cognito::UserPoolGroup',
  'AWS::Lambda::Function',
  'AWS::Lambda::EventSourceMapping',
]);

export function buildStackModel(stackName: string, context: ModelContext): StackModel {
  const resources = Object.entries(context.template.Resources ?? {}).filter(([logicalId]) => context.resolver.isResourceIncluded(logicalId));
  const ofType = (...types: string[]): ResourceInput[] =>
    resources.filter(([, resource]) => types.includes(resource.Type)).map(([logicalId]) => resourceInput(logicalId, context));

  const providerFunctions = customResourceProviders(context);
  warnUnsupported(context, resources);

  const tables = ofType(...TABLE_TYPES).map(buildTableModel);
  const functions = ofType('AWS::Lambda::Function')
    .filter((input) => !providerFunctions.has(input.logicalId))
    .map(buildLambdaFunctionModel);
  const searchDomains = ofType(...SEARCH_TYPES).map(buildSearchDomainModel);
  const index = buildStackIndex(tables, functions, new Set(searchDomains.map((domain) => domain.logicalId)));

  return {
    stackName,
    tables,
    userPools: buildUserPools(context, ofType),
    graphqlApis: buildGraphqlApis(context, ofType, (input) => buildDataSourceModel(input, index)),
    functions,
    eventSourceMappings: ofType('AWS::Lambda::EventSourceMapping').flatMap((input) => buildEventSourceMappingModel(input, index) ?? []),
    searchDomains,
  };
}

type OfType = (...types: string[]) => ResourceInput[];

function buildUserPools(context: ModelContext, ofType: OfType): UserPoolModel[] {
  const pools = ofType('AWS::Cognito::UserPool').map((input) => ({ input, id: String(context.resolver.resolve({ Ref: input.logicalId }, `Resources.${input.logicalId}`)) }));
  const clients = groupByParent(context, ofType('AWS::Cognito::UserPoolClient'), 'UserPoolId', pools.map((pool) => pool.id), 'user pool');
  const groups = groupByParent(context, ofType('AWS::Cognito::UserPoolGroup'), 'UserPoolId', pools.map((pool) => pool.id), 'user pool');
  return pools.map(({ input, id }) =>
    buildUserPoolModel(
      input,
      (clients.get(id) ?? []).map(buildUserPoolClientModel),
      (groups.get(id) ?? []).map(buildUserPoolGroupModel),
    ),
  );
}

function buildGraphqlApis(
  context: ModelContext,
  ofType: OfType,
  dataSource: (input: ResourceInput) => DataSourceModel | undefined,
): GraphqlApiModel[] {
  const apis = ofType('AWS::AppSync::GraphQLApi').map((input) => ({ input, id: graphqlApiId(input) }));
  const apiIds = apis.map((api) => api.id);
  const children = (type: string): Map<string, ResourceInput[]> => groupByParent(context, ofType(type), 'ApiId', apiIds, 'GraphQL API');
  const schemas = children('AWS::AppSync::GraphQLSchema');
  const apiKeys = children('AWS::AppSync::ApiKey');
  const dataSources = children('AWS::AppSync::DataSource');
  const resolvers = children('AWS::AppSync::Resolver');
  const functions = children('AWS::AppSync::FunctionConfiguration');
  return apis.map(({ input, id }) =>
    buildGraphqlApiModel(input, {
      schema: (schemas.get(id) ?? []).map(buildSchemaModel).find((schema): schema is SchemaModel => schema !== undefined) ?? null,
      apiKeys: (apiKeys.get(id) ?? []).map(buildApiKeyModel),
      dataSources: (dataSources.get(id) ?? []).flatMap((child) => dataSource(child) ?? []),
      resolvers: (resolvers.get(id) ?? []).map(buildResolverModel),
      functions: (functions.get(id) ?? []).map(buildAppsyncFunctionModel),
    }),
  );
}

/** Children by the resolved id of their parent; a child whose parent is not in the stack is left out, with a warning. */
function groupByParent(
  context: ModelContext,
  children: readonly ResourceInput[],
  parentKey: string,
  parentIds: readonly string[],
  parentKind: string,
): Map<string, ResourceInput[]> {
  const grouped = new Map<string, ResourceInput[]>();
  for (const child of children) {
    const parentId = child.properties.string(parentKey) ?? '';
    if (!parentIds.includes(parentId)) {
      context.warnings.add(
        'OrphanResource',
        `${child.type} ${child.logicalId} belongs to ${parentKind} ${parentId === '' ? '(none)' : parentId}, which is not in this stack; it is left out.`,
      );
      continue;
    }
    grouped.set(parentId, [...(grouped.get(parentId) ?? []), child]);
  }
  return grouped;
}

/** Functions that only serve custom resources (their `ServiceToken`) run at deploy time, not locally. */
function customResourceProviders(context: ModelContext): Set<string> {
  const providers = new Set<string>();
  for (const resource of Object.values(context.template.Resources ?? {})) {
    if (!isCustomResourceType(resource.Type)) continue;
    const provider = referencedLogicalId(resource.Properties?.ServiceToken);
    if (provider !== undefined) providers.add(provider);
  }
  return providers;
}

function warnUnsupported(context: ModelContext, resources: readonly [string, { readonly Type: string }][]): void {
  const unsupported = new Map<string, string[]>();
  for (const [logicalId, resource] of resources) {
    if (MODELLED_TYPES.has(resource.Type) || IGNORED_RESOURCE_TYPES.has(resource.Type)) continue;
    unsupported.set(resource.Type, [...(unsupported.get(resource.Type) ?? []), logicalId]);
  }
  for (const [type, logicalIds] of unsupported) {
    const why = isCustomResourceType(type) ? 'its provider runs at deploy time only' : 'Outpost Local does not emulate it';
    context.warnings.add('UnsupportedResourceType', `Unsupported resource type ${type} (${logicalIds.join(', ')}): ${why}; these resources are not run.`);
  }
}
