// The GraphQL endpoint on HTTPS and on plain HTTP, both on loopback. Amplify v6 derives the
// real-time URL as wss://<data.url host>/graphql/realtime, so the HTTPS listener is what apps use;
// the HTTP one serves curl, scripts and the explorer without a trusted CA.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Duplex } from 'node:stream';
import { LOOPBACK } from '../services/ports';

export type RequestHandler = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;
export type UpgradeHandler = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface Routes {
  /** Serves the explorer's paths and answers true, or answers false for any other path. */
  readonly explorer: (request: http.IncomingMessage, response: http.ServerResponse) => boolean;
  readonly graphql: RequestHandler;
  readonly upgrade?: UpgradeHandler;
  /** Paths under /outpost/ on the plain HTTP listener: the local-only admin routes. */
  readonly admin?: RequestHandler;
  readonly onError: (error: unknown) => void;
}

function route(routes: Routes, admin: RequestHandler | undefined): RequestHandler {
  return async (request, response) => {
    try {
      const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (pathname === '/graphql') {
        await routes.graphql(request, response);
        return;
      }
      if (admin && pathname.startsWith('/outpost/')) {
        await admin(request, response);
        return;
      }
      if (routes.explorer(request, response)) return;
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ errorType: 'NotFound', message: `Nothing is served at ${pathname}; the GraphQL endpoint is /graphql.` }] }));
    } catch (error) {
      routes.onError(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ errorType: 'InternalFailureException', message: 'An internal failure occurred.' }] }));
    }
  };
}

function listen(server: http.Server | https.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: http.Server | https.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export interface GraphQLServers {
  readonly httpsUrl: string;
  readonly httpUrl: string;
  close(): Promise<void>;
}

export async function startServers(options: {
  readonly httpsPort: number;
  readonly httpPort: number;
  readonly tls: { readonly certPem: string; readonly keyPem: string };
  readonly routes: Routes;
}): Promise<GraphQLServers> {
  const secure = https.createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, route(options.routes, undefined));
  const plain = http.createServer(route(options.routes, options.routes.admin));
  for (const server of [secure, plain]) {
    server.on('clientError', (_error, socket) => socket.destroy());
    if (options.routes.upgrade) server.on('upgrade', options.routes.upgrade);
  }
  await listen(secure, options.httpsPort);
  try {
    await listen(plain, options.httpPort);
  } catch (error) {
    await close(secure);
    throw error;
  }
  return {
    httpsUrl: `https://localhost:${options.httpsPort}/graphql`,
    httpUrl: `http://localhost:${options.httpPort}/graphql`,
    close: async () => {
      await Promise.all([close(secure), close(plain)]);
    },
  };
}
