import { ResolverLayoutError, type ResolverSpec } from './resolver-layout';

/**
 * Fails when a resolver names a type or field the schema lacks, or a data source the API lacks, so a
 * typo in a file name stops synth instead of deploying a resolver that CloudFormation rejects.
 */
export function checkResolverTargets(
  specs: readonly ResolverSpec[],
  schemaFields: ReadonlyMap<string, ReadonlySet<string>>,
  schemaSource: string,
  dataSourceNames: readonly string[],
): void {
  for (const spec of specs) {
    const fields = schemaFields.get(spec.typeName);
    if (fields === undefined) {
      throw new ResolverLayoutError(
        `${spec.source} resolves ${spec.typeName}.${spec.fieldName}, but ${schemaSource} has no object type "${spec.typeName}".`,
      );
    }
    if (!fields.has(spec.fieldName)) {
      throw new ResolverLayoutError(
        `${spec.source} resolves ${spec.typeName}.${spec.fieldName}, but type ${spec.typeName} in ${schemaSource} has no field "${spec.fieldName}" (its fields: ${[...fields].join(', ')}).`,
      );
    }
    const targets = spec.kind === 'unit' ? [spec] : spec.functions;
    for (const target of targets) {
      if (!dataSourceNames.includes(target.dataSource)) {
        throw new ResolverLayoutError(
          `${target.source} names data source "${target.dataSource}", which the API does not have: expected one of ${dataSourceNames.join(', ')}.`,
        );
      }
    }
  }
}
