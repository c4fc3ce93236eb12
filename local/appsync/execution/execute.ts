// Executes one GraphQL request against the local API with AppSync's semantics: APPSYNC_JS
// resolvers, default property resolution elsewhere, the API's limits, and AppSync's error shapes.
import {
  defaultFieldResolver,
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { GraphQLErrorEntry } from '../../appsync-js/sandbox-lib/host';
import { unauthorizedFieldError } from '../auth/unauthorized-field';
import { ResolverFieldError, toAppSyncError } from './errors';
import { ResolverRunner } from './run-resolver';
import { selectionSetGraphQL, selectionSetList } from './selection-info';
import { syntaxMessage } from './syntax-errors';
import type { AppSyncError, AppSyncResponse, CallerContext, ExecutionServices, GraphQLRequestBody } from './types';
import { appSyncValidationRules } from './validation-rules';
import { coercionMessage } from './variable-errors';

/** AppSync's request timeout (https://docs.aws.amazon.com/general/latest/gr/appsync.html). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** The resolver count AppSync allows when the API sets none (configuration-limits.html). */
export const DEFAULT_RESOLVER_COUNT_LIMIT = 10_000;

/**
 * What AppSync answers when a request runs past its 30-second limit: one error, "Execution timed
 * out." (awslabs/aws-mobile-appsync-sdk-android#280 shows the error a client received).
 */
export const EXECUTION_TIMED_OUT = 'Execution timed out.';

function requestError(error: GraphQLError): AppSyncError {
  return { path: null, locations: error.locations?.map(({ line, column }) => ({ line, column, sourceName: null })) ?? null, message: error.message };
}

/** Resolves AppSync fields: limits and field authorization first, then the configured resolver. */
function fieldResolver(services: ExecutionServices, caller: CallerContext, appended: AppSyncError[]): GraphQLFieldResolver<unknown, unknown> {
  const depthLimit = services.limits?.queryDepthLimit ?? 0;
  const countLimit = services.limits?.resolverCountLimit || DEFAULT_RESOLVER_COUNT_LIMIT;
  let resolverCount = 0;

  // Not async: fields without a resolver stay synchronous, as graphql-js resolves them fastest.
  return (source, args, context, info) => {
    const path: (string | number)[] = [];
    for (let at: typeof info.path | undefined = info.path; at !== undefined; at = at.prev) path.unshift(at.key);
    const depth = path.filter((segment) => typeof segment === 'string').length;
    // The depth and resolver-count limits end the field with an error of the named type
    // (https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html). AWS shows
    // those messages only in screenshots, so the texts here are this runtime's own.
    if (depthLimit > 0 && depth > depthLimit) {
      throw new ResolverFieldError({ errorType: 'QueryDepthLimitReached', message: `Query depth limit of ${depthLimit} reached` });
    }
    const parentTypeName = info.parentType.name;
    if (caller.authorizeField !== undefined && !caller.authorizeField(parentTypeName, info.fieldName).allowed) {
      const denied = unauthorizedFieldError(parentTypeName, info.fieldName, path, []);
      throw new ResolverFieldError({ errorType: denied.errorType, message: denied.message });
    }
    const resolverKey = `${parentTypeName}.${info.fieldName}`;
    const config = services.resolvers[resolverKey];
    if (config === undefined) return defaultFieldResolver(source, args, context, info);
    resolverCount += 1;
    if (resolverCount > countLimit) {
      throw new ResolverFieldError({ errorType: 'ResolverExecutionLimitReached', message: `Resolver execution limit of ${countLimit} reached` });
    }
    const runner = new ResolverRunner(services, caller, (entries: readonly GraphQLErrorEntry[]) => {
      for (const entry of entries) {
        const { locations } = toAppSyncError(new GraphQLError(entry.message, { nodes: info.fieldNodes, path }), info.schema);
        appended.push({ path, data: entry.data ?? null, errorType: entry.errorType, errorInfo: entry.errorInfo ?? null, locations, message: entry.message });
      }
    }, services.observeEvaluation);
    return runner.run(config, {
      resolverKey,
      arguments: withUnsuppliedVariablesAsNull(args, info),
      source,
      path,
      info: {
        fieldName: info.fieldName,
        parentTypeName,
        variables: info.variableValues,
        selectionSetList: selectionSetList(info.fieldNodes, info.fragments),
        selectionSetGraphQL: selectionSetGraphQL(info.fieldNodes, info.fragments),
      },
    });
  };
}

const TIMED_OUT = Symbol('timed out');

/**
 * AppSync gives a resolver an explicit `null` for an argument bound to a variable the request did
 * not supply, where graphql-js leaves the argument out (aws/aws-appsync-community#348).
 */
function withUnsuppliedVariablesAsNull(args: Record<string, unknown>, info: GraphQLResolveInfo): Record<string, unknown> {
  const completed = { ...args };
  for (const argument of info.fieldNodes[0].arguments ?? []) {
    const name = argument.name.value;
    if (argument.value.kind === Kind.VARIABLE && !(name in completed) && !(argument.value.name.value in info.variableValues)) completed[name] = null;
  }
  return completed;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs a request to completion. Syntax, validation and variable errors come back as
 * `{ data: null, errors }` with `path: null`, as AppSync answers them with HTTP 200
 * (graphql/graphql-over-http#81). Past the request timeout the answer is `Execution timed out.`
 */
export async function executeAppSync(schema: GraphQLSchema, services: ExecutionServices, caller: CallerContext, body: GraphQLRequestBody): Promise<AppSyncResponse> {
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    if (error instanceof GraphQLError) return { data: null, errors: [{ ...requestError(error), message: syntaxMessage(error, body.query) }] };
    throw error;
  }
  const validationErrors = validate(schema, document, appSyncValidationRules(services.limits?.introspectionEnabled ?? true));
  if (validationErrors.length > 0) return { data: null, errors: validationErrors.map(requestError) };

  const appended: AppSyncError[] = [];
  const result = await withTimeout(
    Promise.resolve(
      execute({
        schema,
        document,
        variableValues: body.variables ?? undefined,
        operationName: body.operationName ?? undefined,
        fieldResolver: fieldResolver(services, caller, appended),
      }),
    ),
    services.limits?.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  );
  if (result === TIMED_OUT) return { data: null, errors: [{ path: null, locations: null, message: EXECUTION_TIMED_OUT }] };
  if (result.data === undefined) {
    return { data: null, errors: (result.errors ?? []).map((error) => ({ ...requestError(error), message: coercionMessage(error.message) })) };
  }
  const errors = [...(result.errors ?? []).map((error) => toAppSyncError(error, schema)), ...appended];
  return errors.length > 0 ? { data: result.data, errors } : { data: result.data };
}
