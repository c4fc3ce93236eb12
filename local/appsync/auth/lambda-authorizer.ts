// AppSync's AWS_LAMBDA mode: the event it sends the authorizer, the result it expects back, and
// the per-token cache of results.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization
import type { Clock } from '../../services/clock';
import type { LambdaModeConfig } from './config';
import { LambdaAuthorizerError, UnauthorizedError } from './errors';
import type { JsonObject } from './jwt';
import { NOT_AUTHORIZED } from './messages';

export interface LambdaAuthorizerEvent {
  readonly authorizationToken: string;
  readonly requestContext: {
    readonly apiId: string;
    readonly accountId: string;
    readonly requestId: string;
    readonly queryString: string;
    readonly operationName?: string;
    readonly variables: JsonObject;
  };
  readonly requestHeaders: Readonly<Record<string, string>>;
}

/** Runs the authorizer function with an event and resolves to what it returned. */
export type LambdaAuthorizerInvoker = (event: LambdaAuthorizerEvent) => Promise<unknown>;

/** The GraphQL operation the authorizer is asked about. */
export interface GraphQLRequestInfo {
  readonly query: string;
  readonly operationName?: string;
  readonly variables?: JsonObject;
}

export interface LambdaAuthorization {
  readonly resolverContext: JsonObject;
  /** As returned: `Type.field` or a full field ARN. */
  readonly deniedFields: readonly string[];
}

interface CachedAuthorization {
  readonly result: LambdaAuthorization;
  readonly expiresAt: number;
}

export interface LambdaAuthorizerContext {
  readonly apiId: string;
  readonly accountId: string;
  readonly clock: Clock;
  readonly requestId: () => string;
}

export class LambdaAuthorizer {
  private readonly cache = new Map<string, CachedAuthorization>();
  private readonly tokenPattern: RegExp | null;

  constructor(
    private readonly mode: LambdaModeConfig,
    private readonly context: LambdaAuthorizerContext,
  ) {
    this.tokenPattern = mode.identityValidationExpression === null ? null : new RegExp(`^(?:${mode.identityValidationExpression})$`);
  }

  /** Authorizes `token`, from the cache while a previous answer's TTL lasts; refusals are never cached. */
  async authorize(token: string, operation: GraphQLRequestInfo, requestHeaders: Readonly<Record<string, string>>): Promise<LambdaAuthorization> {
    if (this.tokenPattern !== null && !this.tokenPattern.test(token)) throw new UnauthorizedError(NOT_AUTHORIZED);
    const now = this.context.clock.now().getTime();
    const cached = this.cache.get(token);
    if (cached !== undefined && now < cached.expiresAt) return cached.result;
    this.cache.delete(token);

    const event: LambdaAuthorizerEvent = {
      authorizationToken: token,
      requestContext: {
        apiId: this.context.apiId,
        accountId: this.context.accountId,
        requestId: this.context.requestId(),
        queryString: operation.query,
        ...(operation.operationName === undefined ? {} : { operationName: operation.operationName }),
        variables: operation.variables ?? {},
      },
      requestHeaders,
    };
    let response: unknown;
    try {
      response = await this.mode.invoke(event);
    } catch (error) {
      throw new LambdaAuthorizerError('the Lambda authorizer failed', { cause: error });
    }
    const answer = readResponse(response);
    if (!answer.isAuthorized) throw new UnauthorizedError(NOT_AUTHORIZED);
    const ttlSeconds = answer.ttlOverride ?? this.mode.authorizerResultTtlInSeconds ?? 0;
    if (ttlSeconds > 0) this.cache.set(token, { result: answer.result, expiresAt: now + ttlSeconds * 1000 });
    return answer.result;
  }
}

function readResponse(response: unknown): { isAuthorized: boolean; ttlOverride: number | null; result: LambdaAuthorization } {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    throw new LambdaAuthorizerError(`the Lambda authorizer returned ${JSON.stringify(response)}, not an object`);
  }
  const { isAuthorized, resolverContext, deniedFields, ttlOverride } = response as JsonObject;
  if (typeof isAuthorized !== 'boolean') throw new LambdaAuthorizerError(`the Lambda authorizer's "isAuthorized" is ${JSON.stringify(isAuthorized)}, not a boolean`);
  if (resolverContext !== undefined && (typeof resolverContext !== 'object' || resolverContext === null || Array.isArray(resolverContext))) {
    throw new LambdaAuthorizerError(`the Lambda authorizer's "resolverContext" is ${JSON.stringify(resolverContext)}, not an object`);
  }
  if (deniedFields !== undefined && (!Array.isArray(deniedFields) || !deniedFields.every((field) => typeof field === 'string'))) {
    throw new LambdaAuthorizerError(`the Lambda authorizer's "deniedFields" is ${JSON.stringify(deniedFields)}, not a list of strings`);
  }
  if (ttlOverride !== undefined && (typeof ttlOverride !== 'number' || ttlOverride < 0)) {
    throw new LambdaAuthorizerError(`the Lambda authorizer's "ttlOverride" is ${JSON.stringify(ttlOverride)}, not a number of seconds`);
  }
  return {
    isAuthorized,
    ttlOverride: ttlOverride ?? null,
    result: { resolverContext: (resolverContext as JsonObject | undefined) ?? {}, deniedFields: (deniedFields as string[] | undefined) ?? [] },
  };
}
