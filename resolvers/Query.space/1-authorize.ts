// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { QuerySpaceArgs } from '../__generated__/schema-types';
import { raiseDataSourceError } from '../lib/errors';
import { callerId } from '../lib/identity';
import { getMembershipRequest, type MembershipItem } from '../lib/membership';

export function request(ctx: Context<QuerySpaceArgs>): DynamoDBGetItemRequest {
  return getMembershipRequest(ctx.args.id, callerId(ctx));
}

// Not an error for a non-member: the schema promises null, the same as for a space that does not
// exist, so a caller cannot tell the two apart.
export function response(ctx: Context): MembershipItem | null {
  raiseDataSourceError(ctx);
  if (ctx.result) {
    ctx.stash.role = ctx.result.role;
  }
  return ctx.result;
}
