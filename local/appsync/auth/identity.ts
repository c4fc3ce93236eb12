// `ctx.identity` in the shapes AppSync fills it, per auth mode
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js).

import type { JsonObject } from './jwt';

export interface CognitoIdentity {
  readonly sub: string;
  readonly issuer: string;
  readonly username: string;
  readonly claims: JsonObject;
  readonly sourceIp: readonly string[];
  readonly defaultAuthStrategy: 'ALLOW' | 'DENY';
  /** The `cognito:groups` claim; null when the user is in no group. */
  readonly groups: readonly string[] | null;
}

export interface IamIdentity {
  readonly accountId: string;
  readonly cognitoIdentityPoolId: string | null;
  readonly cognitoIdentityId: string | null;
  readonly sourceIp: readonly string[];
  readonly username: string;
  readonly userArn: string;
  readonly cognitoIdentityAuthType: 'authenticated' | 'unauthenticated' | null;
  readonly cognitoIdentityAuthProvider: string | null;
}

export interface OidcIdentity {
  readonly claims: JsonObject;
  readonly issuer: string;
  readonly sub: string;
}

export interface LambdaIdentity {
  readonly resolverContext: JsonObject;
}

/** API key requests carry no identity: `ctx.identity` is null. */
export type Identity = CognitoIdentity | IamIdentity | OidcIdentity | LambdaIdentity | null;

/** A verified user pool token's claims as `ctx.identity`. */
export function cognitoIdentity(claims: JsonObject, sourceIp: string, defaultAuthStrategy: 'ALLOW' | 'DENY'): CognitoIdentity {
  const groups = claims['cognito:groups'];
  // ID tokens name the user in `cognito:username`, access tokens in `username`.
  const username = claims.token_use === 'id' ? claims['cognito:username'] : claims.username;
  return {
    sub: String(claims.sub),
    issuer: String(claims.iss),
    username: String(username),
    claims,
    sourceIp: [sourceIp],
    defaultAuthStrategy,
    groups: Array.isArray(groups) ? groups.map(String) : null,
  };
}

/** A verified OIDC token's claims as `ctx.identity`. */
export function oidcIdentity(claims: JsonObject): OidcIdentity {
  return { claims, issuer: String(claims.iss), sub: String(claims.sub) };
}
