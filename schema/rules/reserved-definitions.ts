import { Kind, type DefinitionNode, type DocumentNode } from 'graphql';
import type { AppSyncBuiltins } from '../builtins';
import { problemAt, type SchemaProblem } from '../problems';

/** The result of checking a document's own definitions against what AppSync reserves. */
export interface DefinitionCheck {
  readonly problems: readonly SchemaProblem[];
  /** The definitions to build the schema from: the document's, minus those already reported. */
  readonly kept: readonly DefinitionNode[];
}

const TYPE_DEFINITION_KINDS: ReadonlySet<Kind> = new Set([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
]);

/**
 * AppSync's rules on what a schema may define, which graphql-js does not know
 * (https://docs.aws.amazon.com/appsync/latest/devguide/scalars.html): no custom scalars, AWS scalars
 * and directives are built in, and custom types may not take the `AWS` prefix. Reported definitions
 * are left out of the build so that graphql-js does not report them a second time.
 */
export function checkDefinitions(document: DocumentNode, builtins: AppSyncBuiltins, sourceName: string): DefinitionCheck {
  const problems: SchemaProblem[] = [];
  const kept: DefinitionNode[] = [];
  for (const definition of document.definitions) {
    const text = definitionProblem(definition, builtins);
    if (text === undefined) kept.push(definition);
    else problems.push(problemAt('name' in definition ? definition.name : definition, text, sourceName));
  }
  return { problems, kept };
}

function definitionProblem(definition: DefinitionNode, builtins: AppSyncBuiltins): string | undefined {
  if (definition.kind === Kind.SCALAR_TYPE_DEFINITION) {
    const name = definition.name.value;
    return builtins.scalarNames.has(name)
      ? `Scalar "${name}" is built into AWS AppSync and cannot be redefined.`
      : `Custom scalar "${name}" is not supported: AWS AppSync allows only the GraphQL and AWS scalars.`;
  }
  if (definition.kind === Kind.DIRECTIVE_DEFINITION && builtins.directiveNames.has(definition.name.value)) {
    return `Directive "@${definition.name.value}" is built into AWS AppSync and cannot be redefined.`;
  }
  if (TYPE_DEFINITION_KINDS.has(definition.kind) && 'name' in definition && definition.name?.value.startsWith('AWS')) {
    return `Type name "${definition.name.value}" is reserved: AWS AppSync does not allow the "AWS" prefix on custom types.`;
  }
  return undefined;
}
