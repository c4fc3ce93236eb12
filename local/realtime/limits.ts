// AppSync's real-time limits, with their sources.
import type { RealtimeLimits } from './types';

export const APPSYNC_REALTIME_LIMITS: RealtimeLimits = {
  // The value AppSync sends in connection_ack
  // (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html#connection-init-message).
  connectionTimeoutMs: 300_000,
  // AppSync does not document its interval; Amplify alerts after 65 s without one
  // (@aws-amplify/api-graphql, DEFAULT_KEEP_ALIVE_ALERT_TIMEOUT), so a minute keeps clients calm.
  keepAliveIntervalMs: 60_000,
  // "Max number of 100 subscriptions reached" (aws-amplify/amplify-js#8370).
  maxSubscriptionsPerConnection: 100,
  // "Subscription payload size: 240 KB" (https://docs.aws.amazon.com/general/latest/gr/appsync.html).
  maxPayloadBytes: 240 * 1024,
  // AppSync documents no server-side idle limit. Clients close a socket they no longer use (Amplify
  // does once its last subscription ends), so one that has held no subscription for as long as a
  // client would wait for a `ka` is abandoned; closing it bounds what a careless or hostile client holds.
  idleTimeoutMs: 300_000,
};

export function realtimeLimits(overrides: Partial<RealtimeLimits> | undefined): RealtimeLimits {
  return { ...APPSYNC_REALTIME_LIMITS, ...overrides };
}
