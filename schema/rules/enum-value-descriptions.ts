import { Kind, type DocumentNode } from 'graphql';
import { problemAt, type SchemaProblem } from '../problems';

/**
 * AppSync's schema parser accepts a description on an enum but not on its values (AWS's answer in
 * aws/aws-appsync-community issue #55), so values are described in the enum's description.
 */
export function checkEnumValueDescriptions(document: DocumentNode, sourceName: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    for (const value of definition.values ?? []) {
      if (value.description) {
        problems.push(
          problemAt(
            value.description,
            `Enum value "${definition.name.value}.${value.name.value}" has a description, which AWS AppSync rejects: describe the values in the enum's description.`,
            sourceName,
          ),
        );
      }
    }
  }
  return problems;
}
