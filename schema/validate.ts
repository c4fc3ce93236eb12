import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  GraphQLError,
  Kind,
  parse,
  Source,
  validateSchema,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
// validateSDL is not re-exported from the package root, but it is graphql-js's own SDL validation and
// returns every error with its nodes, where buildASTSchema would throw one joined message.
import { validateSDL } from 'graphql/validation/validate';
import { checkAuthModeReach } from './rules/auth-mode-reach';
import { checkDirectiveArguments } from './rules/directive-arguments';
import { checkEnumValueDescriptions } from './rules/enum-value-descriptions';
import { checkDefinitions } from './rules/reserved-definitions';
import { checkSubscriptionTargets } from './rules/subscription-targets';
import { readAppSyncBuiltins } from './builtins';
import { byLocation, problemFromGraphQLError, type SchemaProblem } from './problems';

export type { SchemaProblem } from './problems';
export { APPSYNC_BUILTINS_PATH } from './builtins';

/** The API contract, next to this module. */
export const SCHEMA_PATH = join(__dirname, 'schema.graphql');

/** A schema AppSync would reject. */
export class AppSyncSchemaError extends Error {
  readonly problems: readonly SchemaProblem[];

  constructor(problems: readonly SchemaProblem[]) {
    super(`Invalid AppSync schema:\n${problems.map((problem) => `  ${problem.message}`).join('\n')}`);
    this.name = 'AppSyncSchemaError';
    this.problems = problems;
  }
}

type Checked = { readonly schema: GraphQLSchema; readonly problems: readonly [] } | { readonly problems: readonly SchemaProblem[] };

/**
 * Everything AppSync would reject in `sdl`, in source order; empty when the schema is valid.
 * Built-in AWS scalars and directives are merged in first, as AppSync does.
 */
export function validateAppSyncSchema(sdl: string, sourceName = 'schema.graphql'): SchemaProblem[] {
  return [...check(sdl, sourceName).problems];
}

/** Builds the schema with the AWS built-ins merged in, or throws AppSyncSchemaError. */
export function buildAppSyncSchema(sdl: string, sourceName = 'schema.graphql'): GraphQLSchema {
  const checked = check(sdl, sourceName);
  if ('schema' in checked) return checked.schema;
  throw new AppSyncSchemaError(checked.problems);
}

/** Reads schema.graphql (or `path`) and builds it; see buildAppSyncSchema. */
export function loadSchema(path = SCHEMA_PATH): GraphQLSchema {
  return buildAppSyncSchema(readFileSync(path, 'utf8'), path === SCHEMA_PATH ? 'schema.graphql' : path);
}

function check(sdl: string, sourceName: string): Checked {
  const parsed = parseSdl(sdl, sourceName);
  if ('problems' in parsed) return parsed;
  const builtins = readAppSyncBuiltins();
  const definitions = checkDefinitions(parsed.document, builtins, sourceName);
  const merged: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [...builtins.document.definitions, ...definitions.kept],
  };
  const sdlProblems = validateSDL(merged).map((error) => problemFromGraphQLError(error, sourceName));
  // A document that fails SDL validation cannot be built reliably, so stop at what is known.
  if (sdlProblems.length > 0) return { problems: [...definitions.problems, ...sdlProblems].sort(byLocation) };

  const schema = buildASTSchema(merged, { assumeValidSDL: true });
  const problems = [
    ...definitions.problems,
    ...validateSchema(schema).map((error) => problemFromGraphQLError(error, sourceName)),
    ...checkDirectiveArguments(parsed.document, schema, sourceName),
    ...checkEnumValueDescriptions(parsed.document, sourceName),
    ...checkSubscriptionTargets(schema, sourceName),
    ...checkAuthModeReach(schema, sourceName),
  ].sort(byLocation);
  return problems.length === 0 ? { schema, problems: [] } : { problems };
}

function parseSdl(sdl: string, sourceName: string): { readonly document: DocumentNode } | { readonly problems: SchemaProblem[] } {
  try {
    return { document: parse(new Source(sdl, sourceName)) };
  } catch (error) {
    if (error instanceof GraphQLError) return { problems: [problemFromGraphQLError(error, sourceName)] };
    throw error;
  }
}
