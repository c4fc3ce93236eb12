import { Kind, parse, Source, type DocumentNode } from 'graphql';

/** The object types of an SDL document and their field names, extensions included. */
export function objectFields(document: DocumentNode): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const names = fields.get(definition.name.value) ?? new Set<string>();
    for (const field of definition.fields ?? []) names.add(field.name.value);
    fields.set(definition.name.value, names);
  }
  return fields;
}

/** Whether any type or field of the schema carries the given directive, e.g. `aws_api_key`. */
export function usesDirective(document: DocumentNode, directive: string): boolean {
  for (const definition of document.definitions) {
    if (!('directives' in definition)) continue;
    if (definition.directives?.some((d) => d.name.value === directive)) return true;
    if (!('fields' in definition)) continue;
    for (const field of definition.fields ?? []) {
      if (field.directives?.some((d) => d.name.value === directive)) return true;
    }
  }
  return false;
}

/** The schema file does not parse as GraphQL SDL. */
export class SchemaParseError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SchemaParseError';
  }
}

/** Parses AppSync SDL for these structural checks; AppSync's directives and scalars need no declarations here. */
export function parseSchema(sdl: string, sourceName: string): DocumentNode {
  try {
    return parse(new Source(sdl, sourceName));
  } catch (error) {
    throw new SchemaParseError(`${sourceName} is not valid GraphQL SDL: ${(error as Error).message}`, { cause: error });
  }
}
