import { util, type Context } from '@aws-appsync/utils';

/**
 * Raises a data source error as the field's GraphQL error. AppSync JS resolvers do not fail on
 * their own when the data source fails: the response handler must check ctx.error.
 */
export function raiseDataSourceError(ctx: Context): void {
  if (ctx.error) {
    util.error(ctx.error.message, ctx.error.type);
  }
}
