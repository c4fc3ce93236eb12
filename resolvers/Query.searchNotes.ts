// @dataSource SearchNotesFunction
import type { Context, LambdaRequest } from '@aws-appsync/utils';
import type { NoteSearchConnection, QuerySearchNotesArgs } from './__generated__/schema-types';
import { functionResult } from './lib/function-outcome';
import { callerId } from './lib/identity';

// The search function checks the arguments, reads the caller's memberships and queries OpenSearch
// within those spaces only; it gets the caller's id alone, never their token or claims.
export function request(ctx: Context<QuerySearchNotesArgs>): LambdaRequest {
  return { operation: 'Invoke', payload: { arguments: ctx.args, identity: { sub: callerId(ctx) } } };
}

// An error the function raises on purpose keeps its errorType (SearchNotEnabled, ValidationError, …).
export function response(ctx: Context): NoteSearchConnection {
  return functionResult<NoteSearchConnection>(ctx);
}
