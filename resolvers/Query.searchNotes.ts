// @dataSource SearchNotesFunction
import { util, type Context, type LambdaRequest } from '@aws-appsync/utils';
import type { NoteSearchConnection, QuerySearchNotesArgs } from './__generated__/schema-types';
import { raiseDataSourceError } from './lib/errors';
import { callerId } from './lib/identity';

// The search function checks the arguments, reads the caller's memberships and queries OpenSearch
// within those spaces only; it gets the caller's id alone, never their token or claims.
export function request(ctx: Context<QuerySearchNotesArgs>): LambdaRequest {
  return { operation: 'Invoke', payload: { arguments: ctx.args, identity: { sub: callerId(ctx) } } };
}

// The function answers `{ result }` or `{ error: { message, errorType } }`: an error it raises on
// purpose keeps its errorType (SearchNotEnabled, ValidationError, …), which a thrown error would lose
// to Lambda:Unhandled.
export function response(ctx: Context): NoteSearchConnection {
  raiseDataSourceError(ctx);
  const outcome = ctx.result as { result?: NoteSearchConnection; error?: { message: string; errorType: string } };
  if (outcome.error) {
    util.error(outcome.error.message, outcome.error.errorType);
  }
  return outcome.result as NoteSearchConnection;
}
