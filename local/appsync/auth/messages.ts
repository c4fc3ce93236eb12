// The messages AppSync puts in its `UnauthorizedException` bodies. Sources are cited in the tests
// that pin each one (authenticate.test.ts).

/** No credentials AppSync can use: no header, or a token no configured mode accepts. */
export const NO_VALID_AUTHORIZATION_HEADER = 'Valid authorization header not provided.';
/** An `Authorization` value that is not a JWT where a user pool token was expected. */
export const UNPARSEABLE_JWT = 'Unable to parse JWT token.';
/** A user pool token past its `exp`. */
export const TOKEN_EXPIRED = 'Token has expired.';
/** Credentials that were read but refused: a wrong or expired API key, a bad token, a Lambda denial. */
export const NOT_AUTHORIZED = 'You are not authorized to make this call.';
