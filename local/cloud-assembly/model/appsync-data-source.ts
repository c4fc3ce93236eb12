import { mentionedLogicalIds } from '../intrinsics/references';
import type { ResourceInput } from './model-context';
import type { StackIndex } from './stack-index';

export interface DeltaSyncConfig {
  /** Minutes items are kept in the base table after deletion. */
  readonly baseTableTtl: number | null;
  readonly deltaSyncTableName: string;
  readonly deltaSyncTableLogicalId: string | null;
  /** Minutes change records are kept in the delta sync table. */
  readonly deltaSyncTableTtl: number | null;
}

export interface DynamoDbDataSourceConfig {
  readonly tableName: string;
  /** The table of this stack with that name; null when the table is not in the stack. */
  readonly tableLogicalId: string | null;
  readonly awsRegion: string | null;
  readonly useCallerCredentials: boolean;
  /** Conflict detection and the sync model: `_version`, `_lastChangedAt`, `_deleted`. */
  readonly versioned: boolean;
  readonly deltaSyncConfig: DeltaSyncConfig | null;
}

export interface HttpDataSourceConfig {
  readonly endpoint: string;
  /** `AWS_IAM` with its signing region and service when calls are SigV4-signed; null otherwise. */
  readonly authorizationConfig: { readonly authorizationType: string; readonly signingRegion: string | null; readonly signingServiceName: string | null } | null;
}

export interface OpenSearchDataSourceConfig {
  readonly endpoint: string;
  readonly awsRegion: string | null;
  /** The search domain or collection in this stack the endpoint names; null when it names none. */
  readonly searchLogicalId: string | null;
}

interface DataSourceBase {
  readonly logicalId: string;
  readonly name: string;
  readonly description: string | null;
}

/** `AWS::AppSync::DataSource`, one variant per type Outpost Local runs. */
export type DataSourceModel =
  | (DataSourceBase & { readonly type: 'AMAZON_DYNAMODB'; readonly dynamodb: DynamoDbDataSourceConfig })
  | (DataSourceBase & { readonly type: 'AWS_LAMBDA'; readonly lambda: { readonly functionArn: string; readonly functionLogicalId: string | null } })
  | (DataSourceBase & { readonly type: 'NONE' })
  | (DataSourceBase & { readonly type: 'HTTP'; readonly http: HttpDataSourceConfig })
  | (DataSourceBase & { readonly type: 'AMAZON_OPENSEARCH_SERVICE'; readonly openSearch: OpenSearchDataSourceConfig });

/** Undefined for a type Outpost Local does not run, after an UnsupportedDataSourceType warning. */
export function buildDataSourceModel(input: ResourceInput, index: StackIndex): DataSourceModel | undefined {
  const { properties, logicalId, context } = input;
  const name = properties.string('Name') ?? properties.missing('Name', logicalId);
  const base: DataSourceBase = { logicalId, name, description: properties.string('Description') ?? null };
  const type = properties.string('Type');
  switch (type) {
    case 'AMAZON_DYNAMODB': {
      const config = properties.object('DynamoDBConfig');
      const deltaSync = config?.object('DeltaSyncConfig');
      const deltaSyncTableName = deltaSync?.string('DeltaSyncTableName');
      const tableName = config?.string('TableName') ?? properties.missing('DynamoDBConfig.TableName', '');
      return {
        ...base,
        type,
        dynamodb: {
          tableName,
          tableLogicalId: index.tableByName.get(tableName) ?? null,
          awsRegion: config?.string('AwsRegion') ?? null,
          useCallerCredentials: config?.boolean('UseCallerCredentials') ?? false,
          versioned: config?.boolean('Versioned') ?? false,
          deltaSyncConfig:
            deltaSyncTableName === undefined
              ? null
              : {
                  baseTableTtl: deltaSync?.number('BaseTableTTL') ?? null,
                  deltaSyncTableName,
                  deltaSyncTableLogicalId: index.tableByName.get(deltaSyncTableName) ?? null,
                  deltaSyncTableTtl: deltaSync?.number('DeltaSyncTableTTL') ?? null,
                },
        },
      };
    }
    case 'AWS_LAMBDA': {
      const functionArn = properties.object('LambdaConfig')?.string('LambdaFunctionArn') ?? properties.missing('LambdaConfig.LambdaFunctionArn', '');
      return { ...base, type, lambda: { functionArn, functionLogicalId: index.functionLogicalId(functionArn) } };
    }
    case 'NONE':
      return { ...base, type };
    case 'HTTP': {
      const config = properties.object('HttpConfig');
      const authorization = config?.object('AuthorizationConfig');
      const iam = authorization?.object('AwsIamConfig');
      const authorizationType = authorization?.string('AuthorizationType');
      return {
        ...base,
        type,
        http: {
          endpoint: config?.string('Endpoint') ?? properties.missing('HttpConfig.Endpoint', ''),
          authorizationConfig:
            authorizationType === undefined
              ? null
              : { authorizationType, signingRegion: iam?.string('SigningRegion') ?? null, signingServiceName: iam?.string('SigningServiceName') ?? null },
        },
      };
    }
    // AMAZON_ELASTICSEARCH is the older name of the same data source, with ElasticsearchConfig.
    case 'AMAZON_OPENSEARCH_SERVICE':
    case 'AMAZON_ELASTICSEARCH': {
      const configKey = type === 'AMAZON_OPENSEARCH_SERVICE' ? 'OpenSearchServiceConfig' : 'ElasticsearchConfig';
      const config = properties.object(configKey);
      const searchLogicalId = mentionedLogicalIds(input.rawProperties[configKey]).find((id) => index.searchLogicalIds.has(id)) ?? null;
      return {
        ...base,
        type: 'AMAZON_OPENSEARCH_SERVICE',
        openSearch: {
          endpoint: config?.string('Endpoint') ?? properties.missing(`${configKey}.Endpoint`, ''),
          awsRegion: config?.string('AwsRegion') ?? null,
          searchLogicalId,
        },
      };
    }
    default:
      context.warnings.add(
        'UnsupportedDataSourceType',
        `Data source ${name} (${logicalId}) has type ${String(type)}, which Outpost Local does not run; resolvers that use it will fail.`,
      );
      return undefined;
  }
}
