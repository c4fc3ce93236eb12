import { FunctionError } from './errors';

/**
 * What a field's function returns to its resolver: exactly one of the two. A deliberate refusal
 * comes back as data, not as a thrown error, because an APPSYNC_JS resolver sees a thrown function
 * error only as `Lambda:Unhandled` and could not pass on its errorType; the resolver raises it with
 * util.error (resolvers/lib/function-outcome.ts).
 * https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html ("Returning errors")
 */
export type FunctionOutcome<T> = { readonly result: T } | { readonly error: { readonly message: string; readonly errorType: string } };

/**
 * The outcome of `work`: its result, or the FunctionError it raised (reported to `onRefused`).
 * Any other error is a bug and is thrown, so that it fails the invocation and counts in the
 * function's error metrics.
 */
export async function outcomeOf<T>(work: () => Promise<T>, onRefused: (error: FunctionError) => void): Promise<FunctionOutcome<T>> {
  try {
    return { result: await work() };
  } catch (error) {
    if (!(error instanceof FunctionError)) throw error;
    onRefused(error);
    return { error: { message: error.message, errorType: error.errorType } };
  }
}
