import type { ResourceInput } from './model-context';

/** `AWS::OpenSearchService::Domain` or `AWS::OpenSearchServerless::Collection`: served by the local search service. */
export interface SearchDomainModel {
  readonly logicalId: string;
  readonly kind: 'domain' | 'serverless-collection';
  readonly name: string;
  readonly arn: string;
  readonly engineVersion: string | null;
}

export function buildSearchDomainModel(input: ResourceInput): SearchDomainModel {
  const { properties, logicalId, context } = input;
  const path = `Resources.${logicalId}`;
  const isDomain = input.type === 'AWS::OpenSearchService::Domain';
  return {
    logicalId,
    kind: isDomain ? 'domain' : 'serverless-collection',
    name: isDomain ? String(context.resolver.resolve({ Ref: logicalId }, path)) : (properties.string('Name') ?? logicalId.toLowerCase()),
    arn: String(context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] }, path)),
    engineVersion: properties.string('EngineVersion') ?? null,
  };
}
