import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildExplorerAssets } from './build-explorer-assets';
import type { ExplorerAssets } from './build-explorer-assets';
import { ExplorerBuildError } from './errors';
import { createExplorerHandler } from './explorer-handler';
import type { ExplorerHandlerOptions } from './explorer-handler';
import { explorerHtml } from './explorer-html';

const settings: ExplorerHandlerOptions['config'] = {
  apiKey: 'da2-handlertestkey0000000000',
  userPool: { endpoint: 'http://127.0.0.1:9229', clientId: 'handler-test-client' },
  demoUsers: [{ username: 'alice@example.com', password: 'Passw0rd!alice', groups: ['ADMINS'] }],
};

const assets: ExplorerAssets = { html: '<!doctype html><p>page</p>', js: 'console.log("app")', css: 'body{margin:0}' };

const EXPECTED_POLICY =
  "default-src 'self'; connect-src 'self' http://127.0.0.1:9229; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'";

interface Served {
  status: number;
  contentType: string | null;
  policy: string | null;
  body: string;
}

/** A server that mounts the handler and answers 404 for whatever the handler declines. */
async function withServer(options: ExplorerHandlerOptions, use: (origin: string) => Promise<void>): Promise<void> {
  const handler = createExplorerHandler(options);
  const server = http.createServer((request, response) => {
    if (handler(request, response)) return;
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('declined by the explorer');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
}

async function fetchServed(url: string, init?: RequestInit): Promise<Served> {
  const response = await fetch(url, init);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    policy: response.headers.get('content-security-policy'),
    body: await response.text(),
  };
}

describe('createExplorerHandler', () => {
  it('serves the page, its script, its styles and its config', async () => {
    await withServer({ graphqlPath: '/graphql', config: settings, buildAssets: async () => assets }, async (origin) => {
      const served = {
        page: await fetchServed(`${origin}/`),
        pageWithQuery: await fetchServed(`${origin}/?tab=1`),
        script: await fetchServed(`${origin}/explorer/app.js`),
        styles: await fetchServed(`${origin}/explorer/app.css`),
        config: await fetchServed(`${origin}/explorer/config.json`),
      };
      const page = { status: 200, contentType: 'text/html; charset=utf-8', policy: EXPECTED_POLICY, body: assets.html };
      expect({ ...served, config: { ...served.config, body: JSON.parse(served.config.body) } }).toEqual({
        page,
        pageWithQuery: page,
        script: { status: 200, contentType: 'text/javascript; charset=utf-8', policy: EXPECTED_POLICY, body: assets.js },
        styles: { status: 200, contentType: 'text/css; charset=utf-8', policy: EXPECTED_POLICY, body: assets.css },
        config: {
          status: 200,
          contentType: 'application/json; charset=utf-8',
          policy: EXPECTED_POLICY,
          body: {
            graphqlPath: '/graphql',
            apiKey: 'da2-handlertestkey0000000000',
            userPool: { endpoint: 'http://127.0.0.1:9229', clientId: 'handler-test-client' },
            demoUsers: [{ username: 'alice@example.com', password: 'Passw0rd!alice', groups: ['ADMINS'] }],
          },
        },
      });
    });
  });

  it('answers HEAD without a body and declines other paths and methods', async () => {
    await withServer({ graphqlPath: '/graphql', config: { demoUsers: [] }, buildAssets: async () => assets }, async (origin) => {
      const head = await fetch(`${origin}/explorer/app.js`, { method: 'HEAD' });
      const declined = (served: Served) => ({ status: served.status, body: served.body });
      expect({
        head: { status: head.status, length: head.headers.get('content-length'), body: await head.text() },
        policyWithoutUserPool: head.headers.get('content-security-policy'),
        postToRoot: declined(await fetchServed(`${origin}/`, { method: 'POST', body: '{}' })),
        graphql: declined(await fetchServed(`${origin}/graphql`)),
        unknownAsset: declined(await fetchServed(`${origin}/explorer/other.js`)),
      }).toEqual({
        head: { status: 200, length: String(assets.js.length), body: '' },
        policyWithoutUserPool:
          "default-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; " +
          "img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'",
        postToRoot: { status: 404, body: 'declined by the explorer' },
        graphql: { status: 404, body: 'declined by the explorer' },
        unknownAsset: { status: 404, body: 'declined by the explorer' },
      });
    });
  });

  it('answers 500 with a log line when the page cannot be built, and builds again on the next request', async () => {
    const lines: string[] = [];
    let builds = 0;
    const buildAssets = async () => {
      builds += 1;
      if (builds === 1) {
        throw new ExplorerBuildError('Cannot bundle the GraphQL explorer page.', { cause: new Error('Could not resolve "graphiql"') });
      }
      return assets;
    };
    await withServer({ graphqlPath: '/graphql', config: settings, buildAssets, log: (line) => lines.push(line) }, async (origin) => {
      const first = await fetchServed(`${origin}/`);
      const second = await fetchServed(`${origin}/`);
      const third = await fetchServed(`${origin}/explorer/app.css`);
      expect({ statuses: [first.status, second.status, third.status], firstBody: first.body, builds, lines }).toEqual({
        statuses: [500, 200, 200],
        firstBody: 'The GraphQL explorer could not be built; the server log says why.\n',
        builds: 2,
        lines: ['explorer: Cannot bundle the GraphQL explorer page. (Could not resolve "graphiql")'],
      });
    });
  });
});

describe('buildExplorerAssets', () => {
  it('bundles the page from node_modules with no reference to a remote stylesheet, font or script', async () => {
    const built = await buildExplorerAssets();
    const remoteCssUrls = built.css.match(/url\(\s*['"]?(?!data:)[^)]*\)/g) ?? [];
    const remoteImports = built.css.match(/@import[^;]*/g) ?? [];
    expect({
      html: built.html,
      remoteCssUrls,
      remoteImports,
      bundlesGraphiql: built.css.includes('.graphiql-container') && built.js.includes('graphiql-execute-button'),
    }).toEqual({ html: explorerHtml(), remoteCssUrls: [], remoteImports: [], bundlesGraphiql: true });
  }, 60_000);
});
