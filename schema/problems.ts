import { getLocation, type ASTNode, type GraphQLError } from 'graphql';

/** One thing wrong with a schema, located in its source. */
export interface SchemaProblem {
  /** `schema.graphql:LINE:COL: what is wrong`, ready to print. */
  readonly message: string;
  /** The source (file) name the location refers to. */
  readonly source: string;
  readonly line: number;
  readonly column: number;
}

/** A problem at `node`, or at the start of `fallbackSource` when there is no node to point at. */
export function problemAt(node: ASTNode | undefined, text: string, fallbackSource: string): SchemaProblem {
  const loc = node?.loc;
  if (!loc) return located(fallbackSource, 1, 1, text);
  const { line, column } = getLocation(loc.source, loc.start);
  return located(loc.source.name, line, column, text);
}

/**
 * Converts a graphql-js error. Errors such as "There can be only one type named X" point at several
 * nodes; the first one in `preferredSource` is the one the author can fix.
 */
export function problemFromGraphQLError(error: GraphQLError, preferredSource: string): SchemaProblem {
  const nodes = error.nodes ?? [];
  const preferred = nodes.find((node) => node.loc?.source.name === preferredSource) ?? nodes[0];
  if (preferred) return problemAt(preferred, error.message, preferredSource);
  // Syntax errors carry a source and a position instead of nodes.
  const [location] = error.locations ?? [];
  if (error.source && location) return located(error.source.name, location.line, location.column, error.message);
  return located(preferredSource, 1, 1, error.message);
}

/** Orders problems by where they are, so output reads top to bottom. */
export function byLocation(a: SchemaProblem, b: SchemaProblem): number {
  return a.source.localeCompare(b.source) || a.line - b.line || a.column - b.column;
}

function located(source: string, line: number, column: number, text: string): SchemaProblem {
  return { message: `${source}:${line}:${column}: ${text}`, source, line, column };
}
