export { Authenticator } from './authenticate';
export type { AuthenticatedRequest, AuthRequest } from './authenticate';
export { authorizeField } from './authorize-field';
export { unauthorizedFieldError } from './unauthorized-field';
export type { AppSyncFieldError } from './unauthorized-field';
export type {
  ApiKeyConfig,
  AuthConfig,
  AuthDependencies,
  AuthenticationType,
  AuthModeConfig,
  IamCredential,
  LambdaModeConfig,
  OidcModeConfig,
  UserPoolModeConfig,
} from './config';
export type { CognitoIdentity, IamIdentity, Identity, LambdaIdentity, OidcIdentity } from './identity';
export type { GraphQLRequestInfo, LambdaAuthorizerEvent, LambdaAuthorizerInvoker } from './lambda-authorizer';
export type { JsonFetcher } from './jwks';
export type { RequestHeaders } from './headers';
export { AuthenticationError, JwksFetchError, LambdaAuthorizerError, SignatureError, UnauthorizedError } from './errors';
export type { AuthErrorBody } from './errors';
export { authConfigFromApi, IncompleteAuthModeError } from './from-cloud-assembly';
export type { LocalAuthWiring } from './from-cloud-assembly';
