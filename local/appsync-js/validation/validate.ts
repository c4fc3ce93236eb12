// Load-time checks for resolver code: what AppSync refuses before it runs anything.
import { parse } from 'acorn';
import type * as ESTree from 'estree';
import { type CodeError } from './code-error';
import { lintResolverCode } from './lint';
import { readModuleShape, type ModuleShape } from './module-shape';

/** EvaluateCode's `code` length limit: https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html */
export const MAX_CODE_LENGTH = 32768;

/** Both handlers are required, for unit resolvers and pipeline functions alike. */
export const REQUIRED_EXPORTS = ['request', 'response'] as const;

const UNKNOWN_LOCATION = { line: 0, column: 0, span: -1 };

export type ParseResult =
  | { ok: true; program: ESTree.Program; shape: ModuleShape }
  | { ok: false; errors: CodeError[] };

/** Parses resolver code as an ES module, the form AppSync accepts. */
export function parseResolverCode(code: string): ParseResult {
  try {
    const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as unknown as ESTree.Program;
    return { ok: true, program, shape: readModuleShape(program) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const { loc, raisedAt, pos } = error as SyntaxError & { loc: { line: number; column: number }; raisedAt: number; pos: number };
    const value = `Parsing error: ${error.message.replace(/ \(\d+:\d+\)$/, '')}`;
    return {
      ok: false,
      errors: [{ errorType: 'PARSER_ERROR', value, location: { line: loc.line, column: loc.column + 1, span: Math.max(raisedAt - pos, 0) } }],
    };
  }
}

/** Every reason AppSync would refuse this code, in order: size, syntax, module shape, lint. */
export function validateResolverCode(code: string): CodeError[] {
  if (code.length > MAX_CODE_LENGTH) {
    return [{ errorType: 'CODE_SIZE_ERROR', value: `Code is ${code.length} characters long; the limit is ${MAX_CODE_LENGTH}.`, location: UNKNOWN_LOCATION }];
  }
  const parsed = parseResolverCode(code);
  if (!parsed.ok) return parsed.errors;
  const missing = REQUIRED_EXPORTS.filter((name) => !parsed.shape.exports.has(name)).map(
    (name): CodeError => ({ errorType: 'MODULE_ERROR', value: `The code must export a ${name} function.`, location: UNKNOWN_LOCATION }),
  );
  return [...parsed.shape.errors, ...missing, ...lintResolverCode(code)];
}
