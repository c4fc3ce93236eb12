// The template's resolvers and pipeline functions as the executor's resolver table.
import type { GraphqlApiModel, ResolverModel } from '../cloud-assembly';
import type { ResolverConfig, ResolverTable } from '../appsync/execution/types';

export class ResolverWiringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResolverWiringError';
  }
}

function label(resolver: ResolverModel): string {
  return `The resolver for ${resolver.typeName}.${resolver.fieldName} (${resolver.logicalId})`;
}

function resolverConfig(api: GraphqlApiModel, resolver: ResolverModel): ResolverConfig {
  if (resolver.code === null) throw new ResolverWiringError(`${label(resolver)} has no APPSYNC_JS code.`);
  if (resolver.kind === 'UNIT') {
    if (resolver.dataSourceName === null) throw new ResolverWiringError(`${label(resolver)} is a unit resolver without a data source.`);
    return { kind: 'UNIT', code: resolver.code, dataSource: resolver.dataSourceName, maxBatchSize: resolver.maxBatchSize ?? undefined };
  }
  const functions = resolver.pipelineFunctionIds.map((id) => {
    const fn = api.functions.find((candidate) => candidate.functionId === id);
    if (!fn) throw new ResolverWiringError(`${label(resolver)} names pipeline function ${id}, which the template does not define.`);
    if (fn.code === null) throw new ResolverWiringError(`Pipeline function ${fn.name} (${fn.logicalId}) has no APPSYNC_JS code.`);
    return { name: fn.name, code: fn.code, dataSource: fn.dataSourceName, maxBatchSize: fn.maxBatchSize ?? undefined };
  });
  return { kind: 'PIPELINE', code: resolver.code, functions };
}

export function buildResolverTable(api: GraphqlApiModel): ResolverTable {
  const table: Record<string, ResolverConfig> = {};
  for (const resolver of api.resolvers) table[`${resolver.typeName}.${resolver.fieldName}`] = resolverConfig(api, resolver);
  return table;
}
