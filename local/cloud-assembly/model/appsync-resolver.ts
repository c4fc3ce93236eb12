import { readResolverSettings, type ResolverSettings } from './appsync-resolver-settings';
import type { ResourceInput } from './model-context';

export interface CachingConfig {
  readonly ttl: number;
  readonly cachingKeys: readonly string[];
}

/** `AWS::AppSync::Resolver`: a unit resolver on a data source, or a pipeline of functions by id. */
export interface ResolverModel extends ResolverSettings {
  readonly logicalId: string;
  readonly typeName: string;
  readonly fieldName: string;
  readonly kind: 'UNIT' | 'PIPELINE';
  /** The data source of a unit resolver; null for pipelines. */
  readonly dataSourceName: string | null;
  /** The `FunctionId`s of a pipeline, in order; they match AppsyncFunctionModel.functionId. */
  readonly pipelineFunctionIds: readonly string[];
  readonly cachingConfig: CachingConfig | null;
}

export function buildResolverModel(input: ResourceInput): ResolverModel {
  const { properties, logicalId } = input;
  const typeName = properties.string('TypeName') ?? properties.missing('TypeName', '');
  const fieldName = properties.string('FieldName') ?? properties.missing('FieldName', '');
  const caching = properties.object('CachingConfig');
  const pipeline = properties.object('PipelineConfig');
  return {
    logicalId,
    typeName,
    fieldName,
    // Kind defaults to UNIT (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-appsync-resolver.html#cfn-appsync-resolver-kind).
    kind: properties.oneOf('Kind', ['UNIT', 'PIPELINE'] as const) ?? 'UNIT',
    dataSourceName: properties.string('DataSourceName') ?? null,
    pipelineFunctionIds: pipeline?.strings('Functions') ?? [],
    cachingConfig: caching === undefined ? null : { ttl: caching.number('Ttl') ?? 0, cachingKeys: caching.strings('CachingKeys') ?? [] },
    ...readResolverSettings(input, `Resolver ${typeName}.${fieldName} (${logicalId})`),
  };
}
