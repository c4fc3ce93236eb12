// Syntax errors in graphql-java's words, which AppSync (built on graphql-java) answers with:
// `Invalid Syntax : offending token '<EOF>' at line 1 column 8`, the graphql-java wording that
// GraphQL engine fingerprinting tools (e.g. dolevf/graphw00f) match on.
import type { GraphQLError } from 'graphql';

const TOKEN = /^(?:\.\.\.|[_A-Za-z][_0-9A-Za-z]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\\n]|\\.)*"?|\S)/;

/** The token at a 1-based line and column of `source`, or `<EOF>` past its end. */
function tokenAt(source: string, line: number, column: number): string {
  const lines = source.split(/\r\n|\r|\n/);
  const rest = [lines[line - 1]?.slice(column - 1) ?? '', ...lines.slice(line)].join('\n');
  const match = TOKEN.exec(rest);
  return match === null ? '<EOF>' : match[0];
}

export function syntaxMessage(error: GraphQLError, source: string): string {
  const location = error.locations?.[0];
  if (location === undefined) return error.message;
  return `Invalid Syntax : offending token '${tokenAt(source, location.line, location.column)}' at line ${location.line} column ${location.column}`;
}
