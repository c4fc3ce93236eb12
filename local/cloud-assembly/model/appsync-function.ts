import { readResolverSettings, type ResolverSettings } from './appsync-resolver-settings';
import type { ResourceInput } from './model-context';

/** `AWS::AppSync::FunctionConfiguration`: one step of a pipeline resolver. */
export interface AppsyncFunctionModel extends ResolverSettings {
  readonly logicalId: string;
  readonly name: string;
  /** What pipeline resolvers list in `PipelineConfig.Functions` (the `FunctionId` attribute). */
  readonly functionId: string;
  readonly dataSourceName: string;
  readonly description: string | null;
}

export function buildAppsyncFunctionModel(input: ResourceInput): AppsyncFunctionModel {
  const { properties, logicalId, context } = input;
  const name = properties.string('Name') ?? properties.missing('Name', logicalId);
  return {
    logicalId,
    name,
    functionId: String(context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'FunctionId'] }, `Resources.${logicalId}`)),
    dataSourceName: properties.string('DataSourceName') ?? properties.missing('DataSourceName', ''),
    description: properties.string('Description') ?? null,
    ...readResolverSettings(input, `Function ${name} (${logicalId})`),
  };
}
