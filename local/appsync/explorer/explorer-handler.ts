// Serves the explorer page and its assets. The server mounts the handler in front of its other
// routes: the handler answers GET and HEAD on its own paths and returns false for everything else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildExplorerAssets } from './build-explorer-assets';
import type { ExplorerAssets } from './build-explorer-assets';
import type { ExplorerConfig, ExplorerSettings } from './explorer-config';
import { EXPLORER_CONFIG_PATH, EXPLORER_SCRIPT_PATH, EXPLORER_STYLES_PATH } from './explorer-html';

export interface ExplorerHandlerOptions {
  /** Where the page sends GraphQL requests, e.g. /graphql. */
  readonly graphqlPath: string;
  readonly config: ExplorerSettings;
  /** Receives a line when the page cannot be built. Default: discard. */
  readonly log?: (line: string) => void;
  /** Default: buildExplorerAssets, on the first request. */
  readonly buildAssets?: () => Promise<ExplorerAssets>;
}

export type ExplorerHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

type Route = { readonly contentType: string; readonly body: (assets: ExplorerAssets) => string };

/** Keeps the page from loading anything but this server and the user pool it signs in with. */
function contentSecurityPolicy(config: ExplorerSettings): string {
  const userPoolOrigin = config.userPool === undefined ? '' : ` ${new URL(config.userPool.endpoint).origin}`;
  return [
    "default-src 'self'",
    `connect-src 'self'${userPoolOrigin}`,
    // GraphiQL and CodeMirror position elements with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function createExplorerHandler(options: ExplorerHandlerOptions): ExplorerHandler {
  const { graphqlPath, config } = options;
  const log = options.log ?? (() => undefined);
  const buildAssets = options.buildAssets ?? buildExplorerAssets;
  const configJson = JSON.stringify({ ...config, graphqlPath } satisfies ExplorerConfig);
  const routes = new Map<string, Route>([
    ['/', { contentType: 'text/html; charset=utf-8', body: (assets) => assets.html }],
    [EXPLORER_SCRIPT_PATH, { contentType: 'text/javascript; charset=utf-8', body: (assets) => assets.js }],
    [EXPLORER_STYLES_PATH, { contentType: 'text/css; charset=utf-8', body: (assets) => assets.css }],
    [EXPLORER_CONFIG_PATH, { contentType: 'application/json; charset=utf-8', body: () => configJson }],
  ]);
  const policy = contentSecurityPolicy(config);
  // Built once per handler, on first use: the bundle takes a couple of seconds, and the server
  // creates one handler per process. A failed build is forgotten so a reload tries again.
  let assets: Promise<ExplorerAssets> | undefined;
  const loadAssets = () => {
    assets ??= buildAssets().catch((error: unknown) => {
      assets = undefined;
      throw error;
    });
    return assets;
  };

  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const route = routes.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (route === undefined) return false;
    loadAssets().then(
      (built) => {
        const body = route.body(built);
        response.writeHead(200, {
          'Content-Type': route.contentType,
          'Content-Length': Buffer.byteLength(body),
          'Cache-Control': 'no-cache',
          'Content-Security-Policy': policy,
          'X-Content-Type-Options': 'nosniff',
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
        log(`explorer: ${error instanceof Error ? error.message : String(error)}${cause}`);
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('The GraphQL explorer could not be built; the server log says why.\n');
      },
    );
    return true;
  };
}
