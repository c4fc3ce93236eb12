// Variable coercion errors in graphql-java's words, as AppSync reports them: a missing or null
// value for a non-null variable reads `Variable 'id' has coerced Null value for NonNull type 'ID!'`
// (awslabs/aws-mobile-appsync-sdk-js#83, #464: AppSync responses quoted in those reports).

const MISSING = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" of required type "([^"]+)" was not provided\.$/;
const NULL = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" of non-null type "([^"]+)" must not be null\.$/;

/** graphql-java's message for a graphql-js variable coercion message, where AppSync's is known. */
export function coercionMessage(message: string): string {
  const match = MISSING.exec(message) ?? NULL.exec(message);
  return match === null ? message : `Variable '${match[1]}' has coerced Null value for NonNull type '${match[2]}'`;
}
