// The link-preview function end to end at handler level: real HTTP servers on 127.0.0.1, reached
// only through the test allowlist (config.testAllowedOrigins) and an injected DNS lookup. Every
// hostile case must end in a clean typed error without the forbidden target being fetched.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@aws-lambda-powertools/logger';
import { DEFAULT_CONFIG, type LinkPreviewConfig } from './config';
import { createHandler, type LinkPreviewResult } from './handler';
import type { LookupAll, ResolvedAddress } from './resolve-target';

jest.mock('htmlparser2', () => jest.requireActual('./testing/htmlparser2-cjs').htmlparser2AsCommonJs());

const NOW = new Date('2026-01-02T03:04:05.678Z');

type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** An HTTP server on 127.0.0.1 that records each request's path and Host header. */
interface TestServer {
  readonly port: number;
  readonly seen: { path: string; host: string }[];
  readonly close: () => Promise<void>;
}

async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const seen: { path: string; host: string }[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ path: request.url ?? '', host: request.headers.host ?? '' });
    const route = routes[request.url ?? ''];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
      return;
    }
    route(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    seen,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const html = (body: string): Route => (_request, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const redirect = (location: string, status = 302): Route => (_request, response) => response.writeHead(status, { location }).end();

const ARTICLE = `<!doctype html>
<html><head>
  <title>Spring tides | Estuary Notes</title>
  <meta name="description" content="Plain description.">
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:title" content="Twitter title">
  <meta name="twitter:description" content="Twitter description">
  <meta name="twitter:image" content="https://cdn.example.com/twitter.png">
  <meta property="og:title" content="Spring tides &amp; neap tides">
  <meta property="og:description" content="Why the moon matters twice a month.">
  <meta property="og:image" content="/images/tide.png">
  <meta property="og:site_name" content="Estuary Notes">
</head><body><h1>Spring tides</h1></body></html>`;

/** A name → address table standing in for DNS; unknown names fail as dns.lookup does. */
function lookupFrom(table: Record<string, readonly string[]>): LookupAll {
  return async (hostname) => {
    const addresses = table[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

let site: TestServer;
/** Listens on 127.0.0.1 but is never allowlisted: any request it records is an SSRF that got through. */
let forbidden: TestServer;
let handler: (event: unknown) => Promise<LinkPreviewResult>;

const blocked = (message: string) => ({ error: { message, errorType: 'LinkPreviewBlocked' } });
const fetchFailed = (message: string) => ({ error: { message, errorType: 'LinkPreviewFetchFailed' } });
const invalid = (message: string) => ({ error: { message, errorType: 'ValidationError' } });

beforeAll(async () => {
  forbidden = await startServer({ '/': html('<title>internal admin</title>') });
  const chain = (prefix: string, hops: number): Record<string, Route> =>
    Object.fromEntries(Array.from({ length: hops }, (_, hop) => [`/${prefix}${hop}`, redirect(`/${prefix}${hop + 1}`)]));
  site = await startServer({
    '/start': redirect('/article', 301),
    '/article': html(ARTICLE),
    '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/iam/security-credentials/'),
    '/to-forbidden': redirect(`http://internal.test:${forbidden.port}/`),
    '/to-file': redirect('file:///etc/passwd'),
    ...chain('three', 3),
    '/three3': html('<title>After three redirects</title>'),
    ...chain('four', 4),
    '/four4': html('<title>Never reached</title>'),
    '/huge': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      // 2 MB without a Content-Length: only counting the bytes can stop it.
      const write = (left: number): void => {
        if (left === 0 || response.destroyed) {
          response.end();
          return;
        }
        response.write(chunk, () => write(left - 1));
      };
      write(32);
    },
    '/huge-declared': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * 1024) });
      response.write('<title>');
    },
    '/drip': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><head><title>');
      const timer = setInterval(() => response.write('.'), 200);
      response.on('close', () => clearInterval(timer));
    },
    '/latin': (_request, response) =>
      // "Café · Menü" in ISO-8859-1: é 0xE9, · 0xB7, ü 0xFC.
      response.writeHead(200, { 'content-type': 'text/html' }).end(
        Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><title>Caf'), Buffer.from([0xe9, 0x20, 0xb7]), Buffer.from(' Men'), Buffer.from([0xfc]), Buffer.from('</title>')]),
      ),
    '/json': (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"title":"not html"}'),
    '/gzip': (_request, response) => response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end('not really gzip'),
  });
  const config: LinkPreviewConfig = { ...DEFAULT_CONFIG, testAllowedOrigins: new Set([`127.0.0.1:${site.port}`]) };
  handler = createHandler(() => ({
    config,
    lookup: lookupFrom({ 'news.test': ['127.0.0.1'], 'internal.test': ['127.0.0.1'], 'mixed.test': ['93.184.215.14', '127.0.0.1'] }),
    now: () => NOW,
    logger: new Logger({ serviceName: 'link-preview', logLevel: 'SILENT' }),
  }));
});

afterAll(async () => {
  await Promise.all([site?.close(), forbidden?.close()]);
});

beforeEach(() => {
  site.seen.length = 0;
  forbidden.seen.length = 0;
});

describe('link-preview handler', () => {
  it('follows a redirect and returns the Open Graph preview, with the image resolved against the final URL', async () => {
    const origin = `http://news.test:${site.port}`;
    expect({ result: await handler({ url: `${origin}/start` }), seen: site.seen }).toEqual({
      result: {
        result: {
          url: `${origin}/article`,
          title: 'Spring tides & neap tides',
          description: 'Why the moon matters twice a month.',
          imageUrl: `${origin}/images/tide.png`,
          siteName: 'Estuary Notes',
          fetchedAt: '2026-01-02T03:04:05.678Z',
        },
      },
      // Connected to the checked address, but the Host header keeps the name.
      seen: [
        { path: '/start', host: `news.test:${site.port}` },
        { path: '/article', host: `news.test:${site.port}` },
      ],
    });
  });

  it('follows three redirects, and refuses a fourth without fetching its target', async () => {
    const base = `http://127.0.0.1:${site.port}`;
    expect({
      three: await handler({ url: `${base}/three0` }),
      four: await handler({ url: `${base}/four0` }),
      seen: site.seen.map(({ path }) => path),
    }).toEqual({
      three: { result: { url: `${base}/three3`, title: 'After three redirects', description: null, imageUrl: null, siteName: null, fetchedAt: NOW.toISOString() } },
      four: fetchFailed(`${base}/four0 redirected more than 3 times.`),
      seen: ['/three0', '/three1', '/three2', '/three3', '/four0', '/four1', '/four2', '/four3'],
    });
  });

  it('decodes the body in the charset a <meta> declares when the header names none', async () => {
    const url = `http://127.0.0.1:${site.port}/latin`;
    expect(await handler({ url })).toEqual({ result: { url, title: 'Café · Menü', description: null, imageUrl: null, siteName: null, fetchedAt: NOW.toISOString() } });
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    const base = `http://127.0.0.1:${site.port}`;
    expect({ result: await handler({ url: `${base}/to-metadata` }), seen: site.seen.map(({ path }) => path) }).toEqual({
      result: blocked('169.254.169.254 is a blocked address (cloud metadata); link previews fetch public addresses only.'),
      seen: ['/to-metadata'],
    });
  });

  it('refuses a redirect to a name that resolves to loopback, and to a file: URL', async () => {
    const base = `http://127.0.0.1:${site.port}`;
    expect({
      toName: await handler({ url: `${base}/to-forbidden` }),
      toFile: await handler({ url: `${base}/to-file` }),
      forbiddenSaw: forbidden.seen,
    }).toEqual({
      toName: blocked(`internal.test:${forbidden.port} resolves to a blocked address (loopback); link previews fetch public addresses only.`),
      toFile: blocked(`${base}/to-file redirected to a URL link previews do not fetch. Only http and https URLs are previewed; received a file: URL.`),
      forbiddenSaw: [],
    });
  });

  it('refuses a host name when any of its addresses is internal', async () => {
    expect({
      loopback: await handler({ url: `http://internal.test:${forbidden.port}/` }),
      mixed: await handler({ url: `http://mixed.test:${forbidden.port}/` }),
      forbiddenSaw: forbidden.seen,
    }).toEqual({
      loopback: blocked(`internal.test:${forbidden.port} resolves to a blocked address (loopback); link previews fetch public addresses only.`),
      mixed: blocked(`mixed.test:${forbidden.port} resolves to a blocked address (loopback); link previews fetch public addresses only.`),
      forbiddenSaw: [],
    });
  });

  it('refuses loopback however the address is spelled: decimal, octal, hex, IPv6 and IPv4-mapped IPv6', async () => {
    const port = forbidden.port;
    const urls = [`http://2130706433:${port}/`, `http://0177.0.0.1:${port}/`, `http://0x7f.1:${port}/`, `http://[::1]:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`];
    expect({ results: await Promise.all(urls.map((url) => handler({ url }))), forbiddenSaw: forbidden.seen }).toEqual({
      results: [
        blocked(`127.0.0.1:${port} is a blocked address (loopback); link previews fetch public addresses only.`),
        blocked(`127.0.0.1:${port} is a blocked address (loopback); link previews fetch public addresses only.`),
        blocked(`127.0.0.1:${port} is a blocked address (loopback); link previews fetch public addresses only.`),
        blocked(`[::1]:${port} is a blocked address (loopback); link previews fetch public addresses only.`),
        blocked(`[::ffff:7f00:1]:${port} is a blocked address (IPv4-mapped IPv6); link previews fetch public addresses only.`),
      ],
      forbiddenSaw: [],
    });
  });

  it('stops reading a body past 1 MB, and does not start on one declared larger', async () => {
    const base = `http://127.0.0.1:${site.port}`;
    expect([await handler({ url: `${base}/huge` }), await handler({ url: `${base}/huge-declared` })]).toEqual([
      fetchFailed('The page is larger than 1 MB.'),
      fetchFailed('The page is larger than 1 MB.'),
    ]);
  });

  it('resolves a name once per hop and connects to that answer, so a rebinding second answer is never used', async () => {
    // The first answer is the (allowlisted) test server, every later one a private address. rebind.test
    // exists in no real DNS, so reaching the server at all shows the socket used the checked answer.
    const lookups: string[] = [];
    const rebinding = createHandler(() => ({
      config: { ...DEFAULT_CONFIG, testAllowedOrigins: new Set([`127.0.0.1:${site.port}`]) },
      lookup: async (hostname) => {
        lookups.push(hostname);
        return [{ address: lookups.length === 1 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
      },
      now: () => NOW,
      logger: new Logger({ serviceName: 'link-preview', logLevel: 'SILENT' }),
    }));
    const url = `http://rebind.test:${site.port}/three3`;
    expect({ result: await rebinding({ url }), lookups, seen: site.seen }).toEqual({
      result: { result: { url, title: 'After three redirects', description: null, imageUrl: null, siteName: null, fetchedAt: NOW.toISOString() } },
      lookups: ['rebind.test'],
      seen: [{ path: '/three3', host: `rebind.test:${site.port}` }],
    });
  });

  it('gives up on a slow-drip body after 3 s in all', async () => {
    const started = Date.now();
    const result = await handler({ url: `http://127.0.0.1:${site.port}/drip` });
    const elapsed = Date.now() - started;
    expect({ result, withinDeadline: elapsed >= 2_900 && elapsed < 3_900 }).toEqual({
      result: fetchFailed('The page did not load within 3 s.'),
      withinDeadline: true,
    });
  });

  it('refuses content that is not HTML, or that is compressed although identity was asked for', async () => {
    const base = `http://127.0.0.1:${site.port}`;
    expect([await handler({ url: `${base}/json` }), await handler({ url: `${base}/gzip` })]).toEqual([
      { error: { message: `${base}/json is application/json, not an HTML page.`, errorType: 'LinkPreviewUnsupportedContent' } },
      { error: { message: `${base}/gzip was sent gzip-encoded although the request asked for identity.`, errorType: 'LinkPreviewUnsupportedContent' } },
    ]);
  });

  it('reports an HTTP error status and a name that does not resolve', async () => {
    const base = `http://127.0.0.1:${site.port}`;
    expect([await handler({ url: `${base}/missing` }), await handler({ url: 'https://nowhere.test/' })]).toEqual([
      fetchFailed(`${base}/missing answered HTTP 404.`),
      fetchFailed('The host nowhere.test could not be resolved.'),
    ]);
  });

  it('refuses malformed URLs, other schemes, credentials and a malformed event as ValidationError', async () => {
    const events = [{ url: 'not a url' }, { url: 'file:///etc/passwd' }, { url: 'ftp://example.com/file' }, { url: `http://user:secret@127.0.0.1:${site.port}/article` }, { url: 42 }, {}];
    expect({ results: await Promise.all(events.map((event) => handler(event))), seen: site.seen }).toEqual({
      results: [
        invalid('Expected an absolute http or https URL; received "not a url".'),
        invalid('Only http and https URLs are previewed; received a file: URL.'),
        invalid('Only http and https URLs are previewed; received a ftp: URL.'),
        invalid('URLs with credentials (user:password@) are not previewed.'),
        invalid('Expected an absolute http or https URL; received 42.'),
        invalid('Expected an event { url }.'),
      ],
      seen: [],
    });
  });
});
