// AppSync's basic filtering: the arguments a subscriber passed are matched against the top-level
// fields of the mutation's result, not against the mutation's arguments
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-data.html#using-subscription-arguments;
// aws/aws-appsync-community#109). All passed arguments must match. An argument the subscriber left
// out does not filter; one passed as an explicit null matches only results whose field is null,
// because AppSync gives null arguments a meaning of their own (same page, "null value arguments").

/** Whether a mutation result passes the subscriber's arguments. */
export function matchesArguments(args: Readonly<Record<string, unknown>>, payload: unknown): boolean {
  const fields = typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
  return Object.entries(args).every(([name, expected]) => {
    if (expected === undefined) return true;
    const actual = Object.hasOwn(fields, name) ? fields[name] : null;
    if (expected === null) return actual === null || actual === undefined;
    return sameValue(actual, expected);
  });
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (actual === expected) return true;
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) return false;
  return JSON.stringify(actual) === JSON.stringify(expected);
}
