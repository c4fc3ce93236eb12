import { util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from './errors';

/**
 * The result a field's Lambda function returned as `{ result }`, or its `{ error }` raised with its
 * own errorType (functions/shared/outcome.ts says why functions answer this way).
 */
export function functionResult<T>(ctx: Context): T {
  raiseDataSourceError(ctx);
  const outcome = ctx.result as { result?: T; error?: { message: string; errorType: string } };
  if (outcome.error) {
    util.error(outcome.error.message, outcome.error.errorType);
  }
  return outcome.result as T;
}
