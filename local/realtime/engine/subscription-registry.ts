// The live subscriptions of every connection, indexed by subscription field, and the two ways a
// mutation reaches them: publish (deliver) and invalidate (unsubscribe).
import type { GraphQLSchema } from 'graphql';
import { matchesArguments } from '../filters/argument-filter';
import { matchesSubscriptionFilter, type SubscriptionFilter } from '../filters/subscription-filter';
import { dataFrame } from '../protocol/messages';
import { shapeSubscriptionData, type SubscriptionOperation } from './shape-data';
import { subscriptionFieldsByMutation } from './subscribe-targets';

/** The connection a subscription belongs to. */
export interface SubscriptionSink {
  /** Sends one text frame. */
  send(text: string): void;
  /** Ends subscription `id` because an invalidation matched it. */
  invalidate(id: string): void;
}

export interface ActiveSubscription {
  readonly id: string;
  readonly sink: SubscriptionSink;
  readonly operation: SubscriptionOperation;
  /** Equal for subscriptions that would receive identical data: same document, operation and variables. */
  readonly shapeKey: string;
  /** The subscriber's coerced arguments to the subscription field, for basic filtering. */
  readonly arguments: Readonly<Record<string, unknown>>;
  readonly filter: SubscriptionFilter | null;
  readonly invalidationFilter: SubscriptionFilter | null;
}

export interface PublishEvent {
  /** The mutation field that resolved, e.g. `createNote`. */
  readonly mutationField: string;
  /**
   * That field's result as the mutation's selection set left it, keyed by field name (not alias):
   * subscribers see only what the mutation selected.
   */
  readonly payload: unknown;
}

export interface InvalidationEvent {
  /** `extensions.invalidateSubscriptions({ subscriptionField, payload })`. */
  readonly subscriptionField: string;
  readonly payload: unknown;
}

export interface PublishReport {
  readonly delivered: number;
  /** Messages not sent because they exceeded the payload limit. */
  readonly dropped: number;
}

export class SubscriptionRegistry {
  private readonly byField = new Map<string, Set<ActiveSubscription>>();
  private readonly targets: ReadonlyMap<string, readonly string[]>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly maxPayloadBytes: number,
    private readonly warn: (line: string) => void,
  ) {
    this.targets = subscriptionFieldsByMutation(schema);
  }

  add(subscription: ActiveSubscription): void {
    const field = subscription.operation.fieldName;
    let set = this.byField.get(field);
    if (set === undefined) {
      set = new Set();
      this.byField.set(field, set);
    }
    set.add(subscription);
  }

  remove(subscription: ActiveSubscription): void {
    const set = this.byField.get(subscription.operation.fieldName);
    if (set === undefined) return;
    set.delete(subscription);
    if (set.size === 0) this.byField.delete(subscription.operation.fieldName);
  }

  size(): number {
    let total = 0;
    for (const set of this.byField.values()) total += set.size;
    return total;
  }

  /** Delivers a mutation's result to every subscription it triggers and passes the filters of. */
  publish(event: PublishEvent): PublishReport {
    // One rendering per distinct subscription document: identical subscribers share the frame payload.
    const rendered = new Map<string, string | null>();
    let delivered = 0;
    let dropped = 0;
    for (const field of this.targets.get(event.mutationField) ?? []) {
      for (const subscription of this.byField.get(field) ?? []) {
        if (!matchesArguments(subscription.arguments, event.payload)) continue;
        if (subscription.filter !== null && !matchesSubscriptionFilter(subscription.filter, event.payload)) continue;
        let payloadJson = rendered.get(subscription.shapeKey);
        if (payloadJson === undefined) {
          payloadJson = this.render(subscription, event);
          rendered.set(subscription.shapeKey, payloadJson);
        }
        if (payloadJson === null) {
          dropped += 1;
          continue;
        }
        subscription.sink.send(dataFrame(subscription.id, payloadJson));
        delivered += 1;
      }
    }
    return { delivered, dropped };
  }

  /** Ends the subscriptions to `subscriptionField` whose invalidation filter matches; returns how many. */
  invalidate(event: InvalidationEvent): number {
    const matched = [...(this.byField.get(event.subscriptionField) ?? [])].filter(
      (subscription) => subscription.invalidationFilter !== null && matchesSubscriptionFilter(subscription.invalidationFilter, event.payload),
    );
    for (const subscription of matched) subscription.sink.invalidate(subscription.id);
    return matched.length;
  }

  /**
   * The payload JSON, or null when it is over the limit. AppSync drops such a message without telling
   * the subscriber (aws/aws-appsync-community#175: "not even an error is thrown when the ... payload
   * size is exceeded"), so only a local warning says why nothing arrived.
   */
  private render(subscription: ActiveSubscription, event: PublishEvent): string | null {
    const payloadJson = JSON.stringify(shapeSubscriptionData(this.schema, subscription.operation, event.payload));
    const bytes = Buffer.byteLength(payloadJson);
    if (bytes <= this.maxPayloadBytes) return payloadJson;
    this.warn(
      `warning: ${event.mutationField} produced a ${bytes}-byte ${subscription.operation.fieldName} message; ` +
        `AppSync does not deliver subscription payloads over ${this.maxPayloadBytes} bytes, so it was dropped.`,
    );
    return null;
  }
}
