import { util, type AppSyncIdentityCognito, type Context } from '@aws-appsync/utils';

/** The signed-in caller's Cognito `sub`; any other caller (API key, IAM) is unauthorized. */
export function callerId(ctx: Context): string {
  const identity = ctx.identity as AppSyncIdentityCognito | null | undefined;
  if (!identity || !identity.sub) {
    util.unauthorized();
  }
  return identity.sub;
}
