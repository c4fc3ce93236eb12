// The `extensions` export of @aws-appsync/utils: records subscription filters, invalidations and
// cache evictions into the evaluation's state for the host to act on.
import type { SandboxHost } from './host';

export interface Extensions {
  setSubscriptionFilter(filter: unknown): void;
  setSubscriptionInvalidationFilter(filter: unknown): void;
  invalidateSubscriptions(obj: unknown): void;
  evictFromApiCache(typeName: string, fieldName: string, keys: unknown): void;
}

export function createExtensions(host: SandboxHost): Extensions {
  return {
    setSubscriptionFilter(filter) {
      host.state().subscriptionFilter = filter;
    },
    setSubscriptionInvalidationFilter(filter) {
      host.state().subscriptionInvalidationFilter = filter;
    },
    invalidateSubscriptions(obj) {
      host.state().invalidations.push(obj);
    },
    evictFromApiCache(typeName, fieldName, keys) {
      host.state().cacheEvictions.push({ typeName: String(typeName), fieldName: String(fieldName), keys });
    },
  };
}
