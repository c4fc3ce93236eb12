import { randomUUID } from 'node:crypto';
import { verifyApiKey } from './api-key';
import { allModes, type AuthConfig, type AuthDependencies, type AuthenticationType, type LambdaModeConfig, type OidcModeConfig, type UserPoolModeConfig } from './config';
import { UnauthorizedError } from './errors';
import { headerValue, lowerCaseHeaders } from './headers';
import { cognitoIdentity, oidcIdentity, type Identity } from './identity';
import { verifyIamRequest, type HttpRequestForSigning } from './iam-signature';
import { httpJsonFetcher, JwksCache } from './jwks';
import { JwtFormatError, parseJwt, type ParsedJwt } from './jwt';
import { LambdaAuthorizer, type GraphQLRequestInfo } from './lambda-authorizer';
import { NO_VALID_AUTHORIZATION_HEADER, UNPARSEABLE_JWT } from './messages';
import { isSigV4Authorization } from './sigv4-authorization';
import { OidcDiscovery, verifyOidcToken } from './oidc-token';
import { verifyUserPoolToken } from './user-pool-token';
import { deniedFieldSet } from './denied-fields';

export interface AuthRequest extends HttpRequestForSigning {
  /** The GraphQL operation, which a Lambda authorizer receives. */
  readonly graphql: GraphQLRequestInfo;
}

/** Who is calling and how: what the executor needs for `ctx.identity` and for the directive rules. */
export interface AuthenticatedRequest {
  readonly mode: AuthenticationType;
  readonly identity: Identity;
  /** The API's default mode: fields and types without auth directives allow only it. */
  readonly defaultMode: AuthenticationType;
  /** Fields a Lambda authorizer denied, as `Type.field`. */
  readonly deniedFields: ReadonlySet<string>;
}

/**
 * Authenticates requests against an API's auth modes. Which mode a request uses follows from its
 * headers: `x-api-key` selects API_KEY; an `Authorization` that is a SigV4 signature selects
 * AWS_IAM; a JWT whose `iss` is a configured user pool or OIDC provider selects that mode; any
 * other `Authorization` goes to the Lambda authorizer when there is one. A mode the API does not
 * have is never selected.
 */
export class Authenticator {
  private readonly jwks: JwksCache;
  private readonly discovery: OidcDiscovery;
  private readonly userPools: readonly UserPoolModeConfig[];
  private readonly oidcProviders: readonly OidcModeConfig[];
  private readonly lambda: LambdaAuthorizer | null;
  private readonly types: ReadonlySet<AuthenticationType>;

  constructor(
    private readonly config: AuthConfig,
    private readonly deps: AuthDependencies,
  ) {
    const modes = allModes(config);
    this.types = new Set(modes.map((mode) => mode.authenticationType));
    const fetchJson = deps.fetchJson ?? httpJsonFetcher;
    this.jwks = new JwksCache(fetchJson);
    this.discovery = new OidcDiscovery(fetchJson);
    this.userPools = modes.filter((mode): mode is UserPoolModeConfig => mode.authenticationType === 'AMAZON_COGNITO_USER_POOLS');
    this.oidcProviders = modes.filter((mode): mode is OidcModeConfig => mode.authenticationType === 'OPENID_CONNECT');
    const lambda = modes.find((mode): mode is LambdaModeConfig => mode.authenticationType === 'AWS_LAMBDA');
    this.lambda =
      lambda === undefined
        ? null
        : new LambdaAuthorizer(lambda, { apiId: config.apiId, accountId: config.accountId, clock: deps.clock, requestId: deps.requestId ?? randomUUID });
  }

  /** The caller's mode and identity, or an AuthenticationError the server answers with. */
  async authenticate(request: AuthRequest): Promise<AuthenticatedRequest> {
    const apiKey = headerValue(request.headers, 'x-api-key');
    if (apiKey !== undefined && this.types.has('API_KEY')) {
      verifyApiKey(apiKey, this.config.apiKeys, this.deps.clock.now());
      return this.result('API_KEY', null);
    }
    const authorization = headerValue(request.headers, 'authorization');
    if (authorization === undefined || authorization === '') throw new UnauthorizedError(NO_VALID_AUTHORIZATION_HEADER);

    if (this.types.has('AWS_IAM') && isSigV4Authorization(authorization)) {
      return this.result('AWS_IAM', verifyIamRequest(request, authorization, this.config, this.deps.clock));
    }
    const jwt = this.userPools.length > 0 || this.oidcProviders.length > 0 ? tryParseJwt(authorization) : null;
    if (jwt !== null && !(jwt instanceof JwtFormatError)) {
      const pool = this.userPools.find((candidate) => candidate.issuer === jwt.payload.iss);
      if (pool !== undefined) {
        const claims = await verifyUserPoolToken(jwt, pool, this.jwks, this.deps.clock);
        // Only the default pool has a DefaultAction. For an additional pool DENY is assumed: it is
        // what AppSync was seen to report (advancedweb.hu/what-is-the-identity-in-the-appsync-resolver-context).
        return this.result('AMAZON_COGNITO_USER_POOLS', cognitoIdentity(claims, request.sourceIp, pool.defaultAction ?? 'DENY'));
      }
      const provider = this.oidcProviders.find((candidate) => candidate.issuer === jwt.payload.iss);
      if (provider !== undefined) {
        const claims = await verifyOidcToken(jwt, provider, await this.discovery.jwksUrl(provider), this.jwks, this.deps.clock);
        return this.result('OPENID_CONNECT', oidcIdentity(claims));
      }
    }
    if (this.lambda !== null) {
      const answer = await this.lambda.authorize(authorization, request.graphql, lowerCaseHeaders(request.headers));
      return this.result('AWS_LAMBDA', { resolverContext: answer.resolverContext }, answer.deniedFields);
    }
    if (jwt instanceof JwtFormatError) throw new UnauthorizedError(UNPARSEABLE_JWT, { cause: jwt });
    throw new UnauthorizedError(NO_VALID_AUTHORIZATION_HEADER);
  }

  private result(mode: AuthenticationType, identity: Identity, deniedFields: readonly string[] = []): AuthenticatedRequest {
    return { mode, identity, defaultMode: this.config.defaultMode.authenticationType, deniedFields: deniedFieldSet(deniedFields, this.config) };
  }
}

function tryParseJwt(token: string): ParsedJwt | JwtFormatError {
  try {
    return parseJwt(token);
  } catch (error) {
    if (error instanceof JwtFormatError) return error;
    throw error;
  }
}
