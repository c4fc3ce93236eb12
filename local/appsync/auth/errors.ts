// The errors that stop a request before GraphQL runs. AppSync answers them with a non-200 status
// and a body of `{"errors":[{"errorType":…,"message":…}]}`; the server sends `statusCode` and
// `responseBody()` as they are.

export interface AuthErrorBody {
  readonly errors: readonly [{ readonly errorType: string; readonly message: string }];
}

/** A request AppSync refuses to execute, with the HTTP status and error type it answers with. */
export abstract class AuthenticationError extends Error {
  abstract readonly statusCode: number;
  abstract readonly errorType: string;

  responseBody(): AuthErrorBody {
    return { errors: [{ errorType: this.errorType, message: this.message }] };
  }
}

/** HTTP 401 `UnauthorizedException`: credentials missing, malformed, expired or refused. */
export class UnauthorizedError extends AuthenticationError {
  readonly statusCode = 401;
  readonly errorType = 'UnauthorizedException';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnauthorizedError';
  }
}

/** A SigV4 request AWS's signature checks reject; AWS answers these with its own error types. */
export class SignatureError extends AuthenticationError {
  readonly statusCode: number;
  readonly errorType: string;

  constructor(statusCode: number, errorType: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SignatureError';
    this.statusCode = statusCode;
    this.errorType = errorType;
  }
}

/** The Lambda authorizer failed to run or answered with something that is not an authorizer result. */
export class LambdaAuthorizerError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LambdaAuthorizerError';
  }
}

/** The JWKS endpoint could not be read or did not return a key set. */
export class JwksFetchError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JwksFetchError';
  }
}
