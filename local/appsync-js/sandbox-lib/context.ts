// Builds the `ctx` a handler receives from the context JSON the host passes in, following the
// Context type of the AppSync JavaScript resolver context reference
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html).
import type { AuthMode, GraphQLErrorEntry } from './host';

type Json = Record<string, unknown>;

function objectOr(value: unknown, fallback: Json): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : fallback;
}

export interface ResolverContext {
  arguments: Json;
  args: Json;
  identity: unknown;
  source: unknown;
  result: unknown;
  error?: unknown;
  prev: { result: unknown };
  stash: Json;
  outErrors: GraphQLErrorEntry[];
  request: { headers: Json; domainName: string | null };
  info: {
    fieldName: string;
    parentTypeName: string;
    variables: Json;
    selectionSetList: string[];
    selectionSetGraphQL: string;
  };
  env: Json;
}

/**
 * `outErrors` is the evaluation's own error list, so errors appended with util.appendError show
 * up in it at once.
 */
export function buildContext(input: Json, outErrors: GraphQLErrorEntry[]): ResolverContext {
  const args = objectOr(input.arguments ?? input.args, {});
  const info = objectOr(input.info, {});
  const request = objectOr(input.request, {});
  const prev = objectOr(input.prev, {});
  const ctx: ResolverContext = {
    arguments: args,
    args,
    identity: input.identity ?? null,
    source: input.source ?? null,
    result: input.result ?? null,
    prev: { result: prev.result ?? null },
    stash: objectOr(input.stash, {}),
    outErrors,
    request: {
      headers: objectOr(request.headers, {}),
      domainName: typeof request.domainName === 'string' ? request.domainName : null,
    },
    info: {
      fieldName: typeof info.fieldName === 'string' ? info.fieldName : '',
      parentTypeName: typeof info.parentTypeName === 'string' ? info.parentTypeName : '',
      variables: objectOr(info.variables, {}),
      selectionSetList: Array.isArray(info.selectionSetList) ? (info.selectionSetList as string[]) : [],
      selectionSetGraphQL: typeof info.selectionSetGraphQL === 'string' ? info.selectionSetGraphQL : '',
    },
    env: objectOr(input.env, {}),
  };
  if (input.error !== undefined && input.error !== null) ctx.error = input.error;
  return ctx;
}

/**
 * The auth mode the identity's shape implies, per the Identity section of the context reference:
 * no identity for API keys, `resolverContext` for Lambda authorizers, `accountId` with
 * `cognitoIdentityPoolId` for IAM, `sub`/`claims` for Cognito user pools (and OIDC).
 */
export function inferAuthMode(identity: unknown): AuthMode {
  if (typeof identity !== 'object' || identity === null) return 'API_KEY';
  const fields = identity as Json;
  if ('resolverContext' in fields) return 'AWS_LAMBDA';
  if ('cognitoIdentityPoolId' in fields || 'accountId' in fields) return 'AWS_IAM';
  if ('claims' in fields && !('username' in fields) && !('sourceIp' in fields)) return 'OPENID_CONNECT';
  return 'AMAZON_COGNITO_USER_POOLS';
}
