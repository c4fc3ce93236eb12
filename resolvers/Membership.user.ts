// @dataSource UserProfilesFunction
// @maxBatchSize 100
import type { Context, LambdaRequest } from '@aws-appsync/utils';
import type { Membership, User } from './__generated__/schema-types';
import { profileRequest, profileResponse } from './lib/profile-loader';

// The member's profile, loaded in batches with the other items of the list.
export function request(ctx: Context): LambdaRequest {
  return profileRequest((ctx.source as Membership).userId);
}

export function response(ctx: Context): User | null {
  return profileResponse(ctx);
}
