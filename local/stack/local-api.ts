// One AppSync API of the template, runnable: schema, resolvers, data sources, auth and the
// POST /graphql handler, wired from the cloud-assembly model.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { buildAppSyncSchema } from '../../schema/validate';
import type { GraphqlApiModel } from '../cloud-assembly';
import type { JsonObject } from '../appsync/auth/jwt';
import { authConfigFromApi, authorizeField, Authenticator, type AuthenticatedRequest, type LocalAuthWiring } from '../appsync/auth';
import { executeAppSync } from '../appsync/execution/execute';
import type { AppSyncResponse, DataSource, ExecutionServices, GraphQLRequestBody, ResolverTable } from '../appsync/execution/types';
import { createGraphQLHandler } from '../appsync/http';
import { withAwsScalars } from '../appsync/scalars';
import type { HandlerEvaluation, ResolverRuntime } from '../appsync-js/sandbox/resolver-module';
import type { Clock } from '../services/clock';
import { buildResolverTable } from './resolver-table';

export class ApiWiringError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ApiWiringError';
  }
}

export interface LocalApi {
  readonly model: GraphqlApiModel;
  readonly schema: GraphQLSchema;
  readonly authenticator: Authenticator;
  readonly services: ExecutionServices;
  readonly handleGraphQL: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

export interface LocalApiDeps {
  readonly runtime: ResolverRuntime;
  readonly dataSources: Readonly<Record<string, DataSource>>;
  readonly authWiring: LocalAuthWiring;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** Sees every executed request and its response: mutations are published to subscribers from here. */
  readonly afterExecute?: (body: GraphQLRequestBody, response: AppSyncResponse) => void;
  /** Sees every handler evaluation: `extensions.invalidateSubscriptions` calls are acted on from here. */
  readonly observeEvaluation?: (evaluation: HandlerEvaluation) => void;
}

/**
 * Compiles every resolver and pipeline function now, as a deployment would: code AppSync rejects
 * stops the start (or the reload) with every problem listed, instead of failing request by request.
 */
function compileAll(resolvers: ResolverTable, runtime: ResolverRuntime): void {
  const problems: string[] = [];
  for (const [field, resolver] of Object.entries(resolvers)) {
    const units = resolver.kind === 'UNIT' ? [{ label: field, code: resolver.code }] : [{ label: field, code: resolver.code }, ...resolver.functions.map((fn) => ({ label: `${field} function ${fn.name}`, code: fn.code }))];
    for (const unit of units) {
      try {
        runtime.loadResolverModule(unit.code);
      } catch (error) {
        problems.push(`${unit.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (problems.length > 0) throw new ApiWiringError(`AppSync would reject this resolver code:\n${problems.join('\n')}`);
}

export function buildLocalApi(model: GraphqlApiModel, deps: LocalApiDeps): LocalApi {
  if (!model.schema) throw new ApiWiringError(`The API ${model.name ?? model.logicalId} has no schema in the template.`);
  const schema = withAwsScalars(buildAppSyncSchema(model.schema.definition, 'schema.graphql'));
  const resolvers = buildResolverTable(model);
  compileAll(resolvers, deps.runtime);
  const services: ExecutionServices = {
    runtime: deps.runtime,
    resolvers,
    dataSources: deps.dataSources,
    env: model.environmentVariables,
    observeEvaluation: deps.observeEvaluation,
    limits: {
      queryDepthLimit: model.queryDepthLimit,
      resolverCountLimit: model.resolverCountLimit,
      introspectionEnabled: model.introspectionConfig === 'ENABLED',
    },
  };
  const authenticator = new Authenticator(authConfigFromApi(model, deps.authWiring), { clock: deps.clock });
  const handleGraphQL = createGraphQLHandler<AuthenticatedRequest & { headers: Record<string, string> }>({
    authenticate: async (request) => ({
      ...(await authenticator.authenticate({
        ...request,
        graphql: {
          query: request.graphql.query,
          operationName: request.graphql.operationName ?? undefined,
          variables: (request.graphql.variables ?? undefined) as JsonObject | undefined,
        },
      })),
      headers: Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : (value ?? '')])),
    }),
    execute: async (caller, body) => {
      const response = await executeAppSync(
        schema,
        services,
        {
          identity: caller.identity,
          authMode: caller.mode,
          headers: caller.headers,
          // AppSync sets domainName only for custom domains, which a local stack does not have.
          domainName: null,
          authorizeField: (parentType, fieldName) => ({ allowed: authorizeField(schema, parentType, fieldName, caller) }),
        },
        body,
      );
      deps.afterExecute?.(body, response);
      return response;
    },
    onInternalError: (error) => deps.log(`graphql: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  return { model, schema, authenticator, services, handleGraphQL };
}
