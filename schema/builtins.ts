import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, Source, type DocumentNode } from 'graphql';

/** The file that declares AppSync's built-in scalars and directives for the tools. */
export const APPSYNC_BUILTINS_PATH = join(__dirname, 'appsync-builtins.graphql');

/** The built-in definitions, and the names they take. */
export interface AppSyncBuiltins {
  readonly document: DocumentNode;
  readonly scalarNames: ReadonlySet<string>;
  readonly directiveNames: ReadonlySet<string>;
}

/** Reads and parses the built-ins file; its locations name `appsync-builtins.graphql`. */
export function readAppSyncBuiltins(): AppSyncBuiltins {
  const document = parse(new Source(readFileSync(APPSYNC_BUILTINS_PATH, 'utf8'), 'appsync-builtins.graphql'));
  const scalarNames = new Set<string>();
  const directiveNames = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.SCALAR_TYPE_DEFINITION) scalarNames.add(definition.name.value);
    if (definition.kind === Kind.DIRECTIVE_DEFINITION) directiveNames.add(definition.name.value);
  }
  return { document, scalarNames, directiveNames };
}
