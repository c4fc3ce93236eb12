// What the real-time endpoint is given by whoever mounts it: the schema and the auth and resolver
// layers, injected so this library has no wiring of its own.
import type { GraphQLSchema } from 'graphql';
import type { AuthenticatedRequest, AuthRequest } from '../appsync/auth';
import type { Clock } from '../services/clock';

/** What a subscription resolver is run with when a client starts a subscription. */
export interface SubscriptionResolverCall {
  readonly fieldName: string;
  readonly arguments: Readonly<Record<string, unknown>>;
  /** The subscription's own authentication: mode and `ctx.identity`. */
  readonly auth: AuthenticatedRequest;
  /** The subscription's authorization headers, as `ctx.request.headers`. */
  readonly headers: Readonly<Record<string, string>>;
  /** `ctx.info`, built as the HTTP executor builds it. */
  readonly info: {
    readonly fieldName: string;
    readonly parentTypeName: 'Subscription';
    readonly variables: Readonly<Record<string, unknown>>;
    readonly selectionSetList: readonly string[];
    readonly selectionSetGraphQL: string;
  };
  readonly query: string;
}

/** An error a subscription resolver raised, as `util.error` / `util.unauthorized` describe it. */
export interface SubscriptionResolverError {
  readonly message: string;
  readonly errorType?: string;
}

/**
 * What the resolver decided: an error refuses the subscription; the filters are what
 * `extensions.setSubscriptionFilter` and `extensions.setSubscriptionInvalidationFilter` recorded.
 */
export interface SubscriptionResolverOutcome {
  readonly error?: SubscriptionResolverError;
  readonly subscriptionFilter?: unknown;
  readonly invalidationFilter?: unknown;
}

export interface RealtimeLimits {
  /** Sent in `connection_ack`; the client closes a connection that sees no `ka` for this long. AppSync: 300 000. */
  readonly connectionTimeoutMs: number;
  /** How often `ka` is sent; must stay well under connectionTimeoutMs. */
  readonly keepAliveIntervalMs: number;
  /** AppSync: 100 subscriptions per connection. */
  readonly maxSubscriptionsPerConnection: number;
  /** AppSync: 240 KB per subscription message. */
  readonly maxPayloadBytes: number;
  /** A connection that has held no subscription for this long is closed, so abandoned sockets do not pile up. */
  readonly idleTimeoutMs: number;
}

export interface RealtimeDependencies {
  readonly schema: GraphQLSchema;
  /** Authenticates a connection or a subscription; rejects with an AuthenticationError when refused. */
  authenticate(request: AuthRequest): Promise<AuthenticatedRequest>;
  /** Whether the caller may read `parentType.fieldName` (the auth layer's `authorizeField`). */
  authorizeField(parentType: string, fieldName: string, auth: AuthenticatedRequest): boolean;
  /** Runs the subscription field's resolver; absent, or resolving to `{}`, when the field has none. */
  runSubscriptionResolver?(call: SubscriptionResolverCall): Promise<SubscriptionResolverOutcome>;
  /** For token expiry; defaults to the system clock. */
  readonly clock?: Clock;
  /** Where local warning lines go; defaults to stderr. */
  readonly warn?: (line: string) => void;
  readonly limits?: Partial<RealtimeLimits>;
}
