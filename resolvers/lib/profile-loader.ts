import { runtime, type Context, type LambdaRequest } from '@aws-appsync/utils';
import type { User } from '../__generated__/schema-types';
import { raiseDataSourceError } from './errors';
import { publicProfile } from './users';

/**
 * A nested profile field (Note.author, Comment.author, Membership.user) through the
 * UserProfilesFunction batch loader: AppSync gathers the siblings of a list into one BatchInvoke,
 * so a page of 20 notes costs one BatchGetItem, not 20 GetItems
 * (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html).
 * A null id (an anonymised contribution) answers null without a call.
 */
export function profileRequest(userId: string | null | undefined): LambdaRequest {
  if (!userId) {
    runtime.earlyReturn(null);
  }
  return { operation: 'BatchInvoke', payload: { userId } };
}

/** The loaded profile as other users see it, or null when it is missing or expired. */
export function profileResponse(ctx: Context): User | null {
  raiseDataSourceError(ctx);
  return publicProfile(ctx.result) as User | null;
}
