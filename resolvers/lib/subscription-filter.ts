import { extensions, util } from '@aws-appsync/utils';

/**
 * The response of a subscription resolver: AppSync runs it once, at subscribe time, and then
 * delivers to this subscription only the mutation results whose `field` equals `value`. The filter
 * is set on the server, so a client cannot widen it by changing its arguments or selection:
 * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html
 * A subscription resolver's own value is not delivered to anyone, so it answers null.
 */
export function deliverOnlyWhere(field: string, value: string): null {
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ [field]: { eq: value } }));
  return null;
}

/**
 * Marks the subscription so that it ends when its caller stops being a member of the space: a
 * removed member must not keep receiving the space's changes until they reconnect.
 * https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html
 */
export function endWhenMembershipEnds(spaceId: string, userId: string): void {
  extensions.setSubscriptionInvalidationFilter(util.transform.toSubscriptionFilter({ spaceId: { eq: spaceId }, userId: { eq: userId } }));
}

/** The subscriptions that follow a space's content and so end with the caller's membership. */
const MEMBER_SUBSCRIPTIONS = ['onNoteChanged', 'onCommentAdded'];

/** Ends the space's note and comment subscriptions of a user who left or was removed. */
export function membershipEnded(spaceId: string, userId: string): void {
  for (const subscriptionField of MEMBER_SUBSCRIPTIONS) {
    extensions.invalidateSubscriptions({ subscriptionField, payload: { spaceId, userId } });
  }
}
