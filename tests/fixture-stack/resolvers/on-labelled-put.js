// A subscription resolver: an enhanced filter on the label, and an invalidation filter on the kind
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html,
// https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html).
import { extensions, util } from '@aws-appsync/utils';

export function request() {
  return { payload: null };
}

export function response(ctx) {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ kind: { eq: ctx.args.kind }, label: { beginsWith: 'hot' } }));
  extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ kind: { eq: ctx.args.kind } }));
  return null;
}
