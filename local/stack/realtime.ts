// The real-time endpoint of a local API: subscriptions authenticate and run their resolvers like
// any field, and every mutation's result is published to the subscriptions that list it.
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { authorizeField } from '../appsync/auth';
import { ResolverFieldError } from '../appsync/execution/errors';
import { ResolverRunner } from '../appsync/execution/run-resolver';
import type { AppSyncResponse, GraphQLRequestBody } from '../appsync/execution/types';
import { RealtimeEndpoint, unaliasResult, type SubscriptionResolverCall, type SubscriptionResolverOutcome } from '../realtime';
import type { Clock } from '../services/clock';
import type { LocalApi } from './local-api';

async function runSubscriptionResolver(api: LocalApi, call: SubscriptionResolverCall): Promise<SubscriptionResolverOutcome> {
  const resolverKey = `Subscription.${call.fieldName}`;
  const config = api.services.resolvers[resolverKey];
  if (!config) return {};
  let subscriptionFilter: unknown;
  let invalidationFilter: unknown;
  const runner = new ResolverRunner(
    api.services,
    { identity: call.auth.identity, authMode: call.auth.mode, headers: call.headers, domainName: null },
    () => undefined,
    (evaluation) => {
      subscriptionFilter = evaluation.subscriptionFilter ?? subscriptionFilter;
      invalidationFilter = evaluation.subscriptionInvalidationFilter ?? invalidationFilter;
    },
  );
  try {
    await runner.run(config, { resolverKey, arguments: { ...call.arguments }, source: null, path: [call.fieldName], info: { ...call.info, variables: { ...call.info.variables } } });
  } catch (error) {
    if (error instanceof ResolverFieldError) return { error: { message: error.detail.message, errorType: error.detail.errorType } };
    throw error;
  }
  return { subscriptionFilter, invalidationFilter };
}

export function createRealtimeEndpoint(api: LocalApi, options: { readonly clock: Clock; readonly warn: (line: string) => void }): RealtimeEndpoint {
  return new RealtimeEndpoint({
    schema: api.schema,
    authenticate: (request) => api.authenticator.authenticate(request),
    authorizeField: (parentType, fieldName, auth) => authorizeField(api.schema, parentType, fieldName, auth),
    runSubscriptionResolver: (call) => runSubscriptionResolver(api, call),
    clock: options.clock,
    warn: options.warn,
  });
}

function mutationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  return operation?.operation === 'mutation' ? operation : undefined;
}

/** Publishes each root field of a mutation that resolved, keyed by field name as subscribers see it. */
export function publishMutation(endpoint: RealtimeEndpoint, body: GraphQLRequestBody, response: AppSyncResponse): void {
  // Every request passes here: without a subscription there is nobody to publish to, so no parse.
  if (!response.data || endpoint.stats().subscriptions === 0) return;
  const document = parse(body.query);
  const mutation = mutationOf(document, body.operationName);
  if (!mutation) return;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  for (const selection of mutation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const value = response.data[selection.alias?.value ?? selection.name.value];
    if (value === null || value === undefined) continue;
    endpoint.publish({ mutationField: selection.name.value, payload: unaliasResult(selection.selectionSet, fragments, value) });
  }
}
