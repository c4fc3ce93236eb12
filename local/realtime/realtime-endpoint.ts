// Outpost Local's real-time endpoint: AppSync's WebSocket protocol on `/graphql/realtime`, mountable
// on any http or https server, and the subscription engine that mutations publish to.
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { AuthenticationError } from '../appsync/auth';
import { systemClock } from '../services/clock';
import { DocumentCache } from './engine/document-cache';
import { SubscriptionRegistry, type InvalidationEvent, type PublishEvent, type PublishReport } from './engine/subscription-registry';
import { realtimeLimits } from './limits';
import { RealtimeConnection, type ConnectionAuth } from './protocol/connection';
import { connectionHeaders, ConnectionHeaderError, GRAPHQL_WS_PROTOCOL, offeredProtocols } from './protocol/connection-header';
import type { RealtimeDependencies, RealtimeLimits } from './types';

/** Where Amplify v6 connects for an endpoint `https://host/graphql` that is not an AppSync domain. */
export const REALTIME_PATH = '/graphql/realtime';

export interface RealtimeStats {
  readonly connections: number;
  readonly subscriptions: number;
}

export class RealtimeEndpoint {
  private readonly wss: WebSocketServer;
  private readonly registry: SubscriptionRegistry;
  private readonly documents: DocumentCache;
  private readonly connections = new Set<RealtimeConnection>();
  private readonly limits: RealtimeLimits;
  private readonly warn: (line: string) => void;
  /** Set while close() waits for the connections to be released. */
  private onRelease: (() => void) | undefined;

  constructor(private readonly deps: RealtimeDependencies) {
    this.limits = realtimeLimits(deps.limits);
    this.warn = deps.warn ?? ((line) => process.stderr.write(`[outpost realtime] ${line}\n`));
    this.registry = new SubscriptionRegistry(deps.schema, this.limits.maxPayloadBytes, this.warn);
    this.documents = new DocumentCache(deps.schema);
    this.wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      // AppSync speaks only `graphql-ws`; Amplify also offers its `header-…` protocol, which carries auth.
      handleProtocols: (protocols) => (protocols.has(GRAPHQL_WS_PROTOCOL) ? GRAPHQL_WS_PROTOCOL : false),
    });
  }

  /**
   * Takes over an `upgrade` for REALTIME_PATH and returns true; returns false, leaving the socket
   * alone, for any other path.
   */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== REALTIME_PATH) return false;
    if (!offeredProtocols(request).includes(GRAPHQL_WS_PROTOCOL)) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    const sourceIp = request.socket.remoteAddress ?? '127.0.0.1';
    const auth = this.authenticateConnection(request, sourceIp);
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, auth, sourceIp));
    return true;
  }

  /**
   * Serves real-time upgrades on `server`; upgrades to other paths are answered 404. Returns a
   * function that stops listening.
   */
  attach(server: HttpServer | HttpsServer): () => void {
    const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
      if (!this.handleUpgrade(request, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    };
    server.on('upgrade', onUpgrade);
    return () => server.off('upgrade', onUpgrade);
  }

  /** Call after a mutation field resolves: delivers its result to the subscriptions it triggers. */
  publish(event: PublishEvent): PublishReport {
    return this.registry.publish(event);
  }

  /** Call for each `extensions.invalidateSubscriptions(...)` a mutation made; returns how many ended. */
  invalidateSubscriptions(event: InvalidationEvent): number {
    return this.registry.invalidate(event);
  }

  stats(): RealtimeStats {
    return { connections: this.connections.size, subscriptions: this.registry.size() };
  }

  /** Closes every connection (1001, going away) and resolves once they are all released. */
  async close(): Promise<void> {
    const closing = [...this.connections];
    await new Promise<void>((resolve) => {
      if (closing.length === 0) return resolve();
      let open = closing.length;
      this.onRelease = () => {
        open -= 1;
        if (open === 0) resolve();
      };
      for (const connection of closing) connection.close(1001, 'Server shutting down');
    });
    this.onRelease = undefined;
    this.wss.close();
  }

  private accept(ws: WebSocket, auth: Promise<ConnectionAuth>, sourceIp: string): void {
    const context = {
      deps: this.deps,
      limits: this.limits,
      registry: this.registry,
      documents: this.documents,
      clock: this.deps.clock ?? systemClock,
      warn: this.warn,
      sourceIp,
      onClosed: (closed: RealtimeConnection) => {
        this.connections.delete(closed);
        this.onRelease?.();
      },
    };
    this.connections.add(new RealtimeConnection(ws, context, auth));
  }

  /**
   * Authenticates the connection's header as a signed POST of `{}` to `/graphql/connect`, which is
   * what clients sign for IAM (AWS guide, "IAM" header; Amplify's AWSAppSyncRealTimeProvider signs
   * `${endpoint}/connect`).
   */
  private async authenticateConnection(request: IncomingMessage, sourceIp: string): Promise<ConnectionAuth> {
    try {
      const headers = connectionHeaders(request);
      const auth = await this.deps.authenticate({ method: 'POST', target: '/graphql/connect', headers, body: '{}', sourceIp, graphql: { query: '' } });
      return { ok: true, auth };
    } catch (error) {
      if (error instanceof AuthenticationError) return { ok: false, error: { errorType: error.errorType, message: error.message, errorCode: error.statusCode } };
      if (error instanceof ConnectionHeaderError) return { ok: false, error: { errorType: 'BadRequestException', message: error.message, errorCode: 400 } };
      this.warn(`warning: authenticating a real-time connection failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: { errorType: 'InternalFailure', message: 'An internal failure occurred.', errorCode: 500 } };
    }
  }
}
