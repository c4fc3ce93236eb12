// Everything `start` checks before a subscription goes live: the request parses and validates
// against the schema, the subscription's own authorization headers authenticate, the caller may
// read the field, and the field's resolver (if any) lets it through and sets its filters.
import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { AuthenticationError, unauthorizedFieldError, type AuthenticatedRequest } from '../../appsync/auth';
import type { JsonObject } from '../../appsync/auth/jwt';
import { selectionSetGraphQL, selectionSetList } from '../../appsync/execution/selection-info';
import { InvalidSubscriptionFilterError, parseSubscriptionFilter, type SubscriptionFilter } from '../filters/subscription-filter';
import { unsupported, type StartMessage } from '../protocol/client-message';
import type { RealtimeError } from '../protocol/messages';
import type { RealtimeDependencies } from '../types';
import type { DocumentCache } from './document-cache';
import type { SubscriptionOperation } from './shape-data';

export interface PreparedSubscription {
  readonly operation: SubscriptionOperation;
  readonly shapeKey: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly filter: SubscriptionFilter | null;
  readonly invalidationFilter: SubscriptionFilter | null;
  /** The subscription's authentication; its token's expiry ends the subscription. */
  readonly auth: AuthenticatedRequest;
}

export type Preparation = { readonly ok: true; readonly subscription: PreparedSubscription } | { readonly ok: false; readonly errors: readonly RealtimeError[] };

interface RequestData {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName?: string;
}

function refused(...errors: RealtimeError[]): Preparation {
  return { ok: false, errors };
}

/** Checks a `start` message; resolves to the subscription to register or the errors to answer with. */
export async function prepareSubscription(
  deps: RealtimeDependencies,
  documents: DocumentCache,
  start: StartMessage,
  sourceIp: string,
): Promise<Preparation> {
  const request = requestData(start.data);
  if (request === null) return refused(unsupported('unknown'));

  const checked = documents.get(request.query);
  if ('errors' in checked) return refused(...checked.errors.map((message) => ({ message })));
  const { document } = checked;
  const operation = getOperationAST(document, request.operationName);
  if (operation === null || operation === undefined) return refused({ message: `Unknown operation named '${request.operationName ?? ''}'.` });
  if (operation.operation !== 'subscription') return refused(unsupported(operation.operation));

  const coerced = getVariableValues(deps.schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors !== undefined) return refused(...coerced.errors.map((error) => ({ message: error.message })));
  const rootField = firstField(operation.selectionSet, document);
  const fieldDef = rootField === null ? undefined : deps.schema.getSubscriptionType()?.getFields()[rootField.name.value];
  // Validation guarantees a subscription has exactly one root field that the schema defines.
  if (rootField === null || fieldDef === undefined) return refused(unsupported('unknown'));
  const fieldName = fieldDef.name;
  const args = getArgumentValues(fieldDef, rootField, coerced.coerced);

  let auth: AuthenticatedRequest;
  try {
    auth = await deps.authenticate({
      method: 'POST',
      target: '/graphql',
      headers: start.authorization,
      body: start.data,
      sourceIp,
      graphql: { query: request.query, operationName: request.operationName, variables: request.variables as JsonObject },
    });
  } catch (error) {
    if (error instanceof AuthenticationError) return refused({ errorType: error.errorType, message: error.message, errorCode: error.statusCode });
    throw error;
  }
  if (!deps.authorizeField('Subscription', fieldName, auth)) {
    const denied = unauthorizedFieldError('Subscription', fieldName, [fieldName], []);
    return refused({ errorType: denied.errorType, message: denied.message });
  }

  const outcome =
    deps.runSubscriptionResolver === undefined
      ? {}
      : await deps.runSubscriptionResolver({
          fieldName,
          arguments: args,
          auth,
          headers: start.authorization,
          info: {
            fieldName,
            parentTypeName: 'Subscription',
            variables: coerced.coerced,
            selectionSetList: selectionSetList([rootField], fragmentsOf(document)),
            selectionSetGraphQL: selectionSetGraphQL([rootField], fragmentsOf(document)),
          },
          query: request.query,
        });
  if (outcome.error !== undefined) return refused({ errorType: outcome.error.errorType, message: outcome.error.message });
  let filter: SubscriptionFilter | null;
  let invalidationFilter: SubscriptionFilter | null;
  try {
    filter = outcome.subscriptionFilter === undefined || outcome.subscriptionFilter === null ? null : parseSubscriptionFilter(outcome.subscriptionFilter);
    invalidationFilter =
      outcome.invalidationFilter === undefined || outcome.invalidationFilter === null ? null : parseSubscriptionFilter(outcome.invalidationFilter);
  } catch (error) {
    if (error instanceof InvalidSubscriptionFilterError) return refused({ errorType: 'InvalidSubscriptionFilter', message: error.message });
    throw error;
  }

  return {
    ok: true,
    subscription: {
      operation: { document, operationName: request.operationName, variables: coerced.coerced, fieldName },
      shapeKey: JSON.stringify([request.query, request.operationName ?? null, coerced.coerced]),
      arguments: args,
      filter,
      invalidationFilter,
      auth,
    },
  };
}

/** `{ query, variables, operationName }` from the `data` string, or null when it is not that. */
function requestData(data: string): RequestData | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    // Unreadable `data` is answered as AppSync does, with UnsupportedOperation; nothing to keep.
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  const vars = typeof variables === 'object' && variables !== null && !Array.isArray(variables) ? (variables as Record<string, unknown>) : {};
  return { query, variables: vars, operationName: typeof operationName === 'string' ? operationName : undefined };
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/** The operation's root field, looking through fragments. */
function firstField(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode | null {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    if (selection.kind === Kind.INLINE_FRAGMENT) return firstField(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    if (fragment !== undefined) return firstField(fragment.selectionSet, document);
  }
  return null;
}
