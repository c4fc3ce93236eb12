// @dataSource Memberships
import type { Context, DynamoDBGetItemRequest } from '@aws-appsync/utils';
import type { MutationCreateNoteArgs } from '../__generated__/schema-types';
import { callerId } from '../lib/identity';
import { canWrite, getMembershipRequest, requireMembership, type MembershipItem } from '../lib/membership';

// EDITOR and OWNER write notes.
export function request(ctx: Context<MutationCreateNoteArgs>): DynamoDBGetItemRequest {
  return getMembershipRequest(ctx.args.input.spaceId, callerId(ctx));
}

export function response(ctx: Context): MembershipItem {
  return requireMembership(ctx, canWrite);
}
