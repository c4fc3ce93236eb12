import { print, valueFromAST, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import { problemAt, type SchemaProblem } from '../problems';

/**
 * Directive arguments must be valid values of their declared types. graphql-js's SDL validation
 * checks their names and presence but not their values.
 */
export function checkDirectiveArguments(document: DocumentNode, schema: GraphQLSchema, sourceName: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  visit(document, {
    Directive(node) {
      const directive = schema.getDirective(node.name.value);
      for (const argument of node.arguments ?? []) {
        const definition = directive?.args.find((arg) => arg.name === argument.name.value);
        if (definition && valueFromAST(argument.value, definition.type) === undefined) {
          problems.push(
            problemAt(
              argument.value,
              `Argument "${argument.name.value}" of directive "@${node.name.value}" has invalid value ${print(argument.value)}: expected type "${String(definition.type)}".`,
              sourceName,
            ),
          );
        }
      }
    },
  });
  return problems;
}
