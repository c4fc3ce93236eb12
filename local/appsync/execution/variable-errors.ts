// Request errors in graphql-java's words, as AppSync reports them:
// - a missing or null value for a non-null variable reads
//   `Variable 'id' has coerced Null value for NonNull type 'ID!'` (awslabs/aws-mobile-appsync-sdk-js#83, #464);
// - a variable a scalar rejects reads `Variable 'url' has an invalid value. Unable to parse …`
//   (aws-amplify/amplify-cli#2033, aws-amplify/amplify-flutter#822);
// - an operation name the document lacks reads `Unknown operation named 'Nope'.` (graphql-java's
//   NodeUtil.getOperation).

const MISSING = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" of required type "([^"]+)" was not provided\.$/;
const NULL = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" of non-null type "([^"]+)" must not be null\.$/;
const INVALID = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value .*?; (Unable to parse .*)$/s;
const UNKNOWN_OPERATION = /^Unknown operation named "(.*)"\.$/;

/** graphql-java's message for a graphql-js request error message, where AppSync's is known. */
export function coercionMessage(message: string): string {
  const missing = MISSING.exec(message) ?? NULL.exec(message);
  if (missing) return `Variable '${missing[1]}' has coerced Null value for NonNull type '${missing[2]}'`;
  const invalid = INVALID.exec(message);
  if (invalid) return `Variable '${invalid[1]}' has an invalid value. ${invalid[2]}`;
  const unknown = UNKNOWN_OPERATION.exec(message);
  return unknown ? `Unknown operation named '${unknown[1]}'.` : message;
}
