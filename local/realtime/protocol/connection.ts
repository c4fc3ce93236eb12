// One client's WebSocket: the protocol state machine of AppSync's real-time endpoint.
// https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html
import type { WebSocket } from 'ws';
import type { AuthenticatedRequest } from '../../appsync/auth';
import type { Clock } from '../../services/clock';
import type { DocumentCache } from '../engine/document-cache';
import { prepareSubscription } from '../engine/prepare-subscription';
import type { ActiveSubscription, SubscriptionRegistry, SubscriptionSink } from '../engine/subscription-registry';
import type { RealtimeDependencies, RealtimeLimits } from '../types';
import { parseClientMessage, unsupported, UnsupportedMessageError, type ClientMessage, type StartMessage } from './client-message';
import { connectionAck, connectionError, subscriptionError, type RealtimeError, type ServerMessage } from './messages';
import { MAX_TIMER_DELAY_MS, tokenExpiresAt } from './token-expiry';

/** How the connection's own header authenticated, settled once per connection. */
export type ConnectionAuth = { readonly ok: true; readonly auth: AuthenticatedRequest } | { readonly ok: false; readonly error: RealtimeError };

export interface ConnectionContext {
  readonly deps: RealtimeDependencies;
  readonly limits: RealtimeLimits;
  readonly registry: SubscriptionRegistry;
  readonly documents: DocumentCache;
  readonly clock: Clock;
  readonly warn: (line: string) => void;
  readonly sourceIp: string;
  readonly onClosed: (connection: RealtimeConnection) => void;
}

// The error a subscription gets when its token expires; Amplify v6 recognises it as an auth error,
// closes the socket and reconnects with fresh tokens (aws-amplify/amplify-js#14569; the message as
// AppSync words it in awslabs/aws-mobile-appsync-sdk-js#666).
const TOKEN_EXPIRED: RealtimeError = { errorType: 'UnauthorizedException', message: 'Token has expired.' };

interface Entry {
  readonly active: ActiveSubscription;
  expiry: NodeJS.Timeout | undefined;
}

export class RealtimeConnection implements SubscriptionSink {
  private readonly subscriptions = new Map<string, Entry>();
  /** Ids of `start`s still being checked; a `stop` meanwhile removes the id and cancels the start. */
  private readonly pending = new Set<string>();
  private readonly keepAlive: NodeJS.Timeout;
  private connectionExpiry: NodeJS.Timeout | undefined;
  /** Runs while the connection holds no subscription (see RealtimeLimits.idleTimeoutMs). */
  private idle: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly context: ConnectionContext,
    private readonly auth: Promise<ConnectionAuth>,
  ) {
    this.keepAlive = setInterval(() => this.sendMessage({ type: 'ka' }), context.limits.keepAliveIntervalMs);
    socket.on('message', (data, isBinary) => this.receive(isBinary ? null : data.toString()));
    socket.on('close', () => this.release());
    // A protocol violation (bad UTF-8, oversized frame) is reported here and followed by `close`.
    socket.on('error', (error) => context.warn(`warning: real-time connection from ${context.sourceIp} failed: ${error.message}`));
    void auth.then((result) => {
      if (result.ok) this.watchExpiry(result.auth);
    });
    this.watchIdle();
  }

  send(text: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(text);
  }

  /** An invalidation ends the subscription as a `stop` would: with `complete`. */
  invalidate(id: string): void {
    if (this.drop(id)) this.sendMessage({ type: 'complete', id });
  }

  /** Closes the socket, e.g. when the server shuts down. */
  close(code: number, reason: string): void {
    this.socket.close(code, reason);
  }

  private sendMessage(message: ServerMessage): void {
    this.send(JSON.stringify(message));
  }

  private receive(text: string | null): void {
    if (this.closed) return;
    let message: ClientMessage;
    try {
      if (text === null) throw new UnsupportedMessageError('Binary frames are not part of the protocol.', undefined);
      message = parseClientMessage(text);
    } catch (error) {
      if (!(error instanceof UnsupportedMessageError)) throw error;
      this.sendMessage(subscriptionError(error.id, [unsupported('unknown')]));
      return;
    }
    switch (message.type) {
      case 'connection_init':
        void this.guard(undefined, () => this.init());
        return;
      case 'start':
        // Checked and held as pending at once, so that a `stop` or a duplicate right behind it sees it.
        if (this.admit(message.id)) void this.guard(message.id, () => this.start(message));
        return;
      case 'stop':
        this.stop(message.id);
        return;
    }
  }

  /** Runs a handler; an unexpected failure is answered and logged instead of crashing the server. */
  private async guard(id: string | undefined, handler: () => Promise<void>): Promise<void> {
    try {
      await handler();
    } catch (error) {
      if (id !== undefined) this.pending.delete(id);
      const detail = error instanceof Error ? error.message : String(error);
      this.context.warn(`warning: real-time request${id === undefined ? '' : ` ${id}`} failed: ${detail}`);
      this.sendMessage(subscriptionError(id, [{ errorType: 'InternalFailure', message: 'An internal failure occurred.' }]));
    }
  }

  private async connectionAuth(): Promise<AuthenticatedRequest | null> {
    const result = await this.auth;
    if (this.closed) return null;
    if (result.ok) return result.auth;
    this.sendMessage(connectionError([result.error]));
    this.socket.close(1000, 'connection_error');
    return null;
  }

  // `connection_init` is optional in AppSync's guide; a client may `start` right after the handshake.
  private async init(): Promise<void> {
    if ((await this.connectionAuth()) === null) return;
    this.sendMessage(connectionAck(this.context.limits.connectionTimeoutMs));
    this.sendMessage({ type: 'ka' });
  }

  /** Whether a new subscription `id` may start; answers the client when it may not. */
  private admit(id: string): boolean {
    if (this.subscriptions.has(id) || this.pending.has(id)) {
      this.sendMessage(subscriptionError(id, [{ errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` }]));
      return false;
    }
    const { maxSubscriptionsPerConnection } = this.context.limits;
    if (this.subscriptions.size + this.pending.size >= maxSubscriptionsPerConnection) {
      // AppSync writes this one error as an object, not a list: the response captured in
      // aws-amplify/aws-appsync-realtime-client-ios, RealtimeConnectionProviderResponse.swift.
      this.sendMessage(
        subscriptionError(id, { errorType: 'MaxSubscriptionsReachedError', message: `Max number of ${maxSubscriptionsPerConnection} subscriptions reached` }),
      );
      return false;
    }
    this.pending.add(id);
    this.watchIdle();
    return true;
  }

  private async start(message: StartMessage): Promise<void> {
    try {
      await this.startChecked(message);
    } finally {
      this.watchIdle();
    }
  }

  private async startChecked(message: StartMessage): Promise<void> {
    const { id } = message;
    if ((await this.connectionAuth()) === null) {
      this.pending.delete(id);
      return;
    }
    if (!this.pending.has(id)) return;
    const prepared = await prepareSubscription(this.context.deps, this.context.documents, message, this.context.sourceIp);
    // Stopped or disconnected while being checked: nothing to register or answer.
    if (!this.pending.delete(id) || this.closed) return;
    if (!prepared.ok) {
      this.sendMessage(subscriptionError(id, prepared.errors));
      return;
    }
    const { auth, ...subscription } = prepared.subscription;
    const active: ActiveSubscription = { id, sink: this, ...subscription };
    const entry: Entry = { active, expiry: undefined };
    this.subscriptions.set(id, entry);
    this.context.registry.add(active);
    this.sendMessage({ type: 'start_ack', id });
    this.scheduleExpiry(tokenExpiresAt(auth), (timer) => (entry.expiry = timer), () => this.expire(id));
  }

  private stop(id: string): void {
    this.pending.delete(id);
    this.drop(id);
    this.sendMessage({ type: 'complete', id });
  }

  private expire(id: string): void {
    if (this.drop(id)) this.sendMessage(subscriptionError(id, [TOKEN_EXPIRED]));
  }

  /** Removes subscription `id`; false when there was none. */
  private drop(id: string): boolean {
    const entry = this.subscriptions.get(id);
    if (entry === undefined) return false;
    clearTimeout(entry.expiry);
    this.subscriptions.delete(id);
    this.context.registry.remove(entry.active);
    this.watchIdle();
    return true;
  }

  /** Starts the idle timer when the connection holds nothing, and stops it when it does. */
  private watchIdle(): void {
    const busy = this.subscriptions.size + this.pending.size > 0;
    if (busy || this.closed) {
      clearTimeout(this.idle);
      this.idle = undefined;
      return;
    }
    this.idle ??= setTimeout(() => this.socket.close(1000, 'Idle: no subscription.'), this.context.limits.idleTimeoutMs);
  }

  /** When the connection's own token expires, the connection ends with a connection_error. */
  private watchExpiry(auth: AuthenticatedRequest): void {
    this.scheduleExpiry(
      tokenExpiresAt(auth),
      (timer) => (this.connectionExpiry = timer),
      () => {
        this.sendMessage(connectionError([{ ...TOKEN_EXPIRED, errorCode: 401 }]));
        this.socket.close(1000, 'Token has expired.');
      },
    );
  }

  private scheduleExpiry(expiresAt: number | null, keep: (timer: NodeJS.Timeout) => void, onExpired: () => void): void {
    if (expiresAt === null || this.closed) return;
    const delay = expiresAt - this.context.clock.now().getTime();
    if (delay <= 0) {
      onExpired();
      return;
    }
    keep(setTimeout(() => this.scheduleExpiry(expiresAt, keep, onExpired), Math.min(delay, MAX_TIMER_DELAY_MS)));
  }

  private release(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    clearTimeout(this.connectionExpiry);
    clearTimeout(this.idle);
    for (const id of [...this.subscriptions.keys()]) this.drop(id);
    this.pending.clear();
    this.context.onClosed(this);
  }
}
