export { RealtimeEndpoint, REALTIME_PATH } from './realtime-endpoint';
export type { RealtimeStats } from './realtime-endpoint';
export type { InvalidationEvent, PublishEvent, PublishReport } from './engine/subscription-registry';
export type {
  RealtimeDependencies,
  RealtimeLimits,
  SubscriptionResolverCall,
  SubscriptionResolverError,
  SubscriptionResolverOutcome,
} from './types';
export { APPSYNC_REALTIME_LIMITS } from './limits';
export { InvalidSubscriptionFilterError, matchesSubscriptionFilter, parseSubscriptionFilter } from './filters/subscription-filter';
export type { FieldFilter, FilterOperator, SubscriptionFilter } from './filters/subscription-filter';
export { unaliasResult } from './engine/unalias-result';
export type { Fragments } from './engine/unalias-result';
