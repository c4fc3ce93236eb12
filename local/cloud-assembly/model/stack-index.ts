import type { TableModel } from './dynamodb-table';
import type { LambdaFunctionModel } from './lambda-function';

/** Lookups from resolved names and ARNs back to the resources of the stack that own them. */
export interface StackIndex {
  readonly tableByName: ReadonlyMap<string, string>;
  readonly tableByStreamArn: ReadonlyMap<string, string>;
  /** Function logical ids by name, by ARN and by qualified ARN (`…:function:name:alias`). */
  functionLogicalId(nameOrArn: string): string | null;
  readonly searchLogicalIds: ReadonlySet<string>;
}

export function buildStackIndex(
  tables: readonly TableModel[],
  functions: readonly LambdaFunctionModel[],
  searchLogicalIds: ReadonlySet<string>,
): StackIndex {
  const functionsByKey = new Map<string, string>();
  for (const fn of functions) {
    functionsByKey.set(fn.functionName, fn.logicalId);
    functionsByKey.set(fn.functionArn, fn.logicalId);
  }
  return {
    tableByName: new Map(tables.map((table) => [table.tableName, table.logicalId])),
    tableByStreamArn: new Map(tables.flatMap((table) => (table.streamArn === null ? [] : [[table.streamArn, table.logicalId] as const]))),
    functionLogicalId: (nameOrArn) =>
      functionsByKey.get(nameOrArn) ?? functionsByKey.get(nameOrArn.replace(/^(arn:[^:]+:lambda:[^:]*:[^:]*:function:[^:]+):[^:]+$/, '$1')) ?? null,
    searchLogicalIds,
  };
}
