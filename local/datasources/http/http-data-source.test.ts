import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpDataSource } from './http-data-source';


interface Seen {
  method: string | undefined;
  url: string | undefined;
  header: string | string[] | undefined;
  body: string;
}

describe('HttpDataSource', () => {
  const seen: Seen[] = [];
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ method: request.method, url: request.url, header: request.headers['x-trace'], body: Buffer.concat(chunks).toString('utf8') });
        if (request.url?.startsWith('/slow')) return; // never answers
        response.writeHead(request.url?.startsWith('/missing') ? 404 : 201, { 'content-type': 'application/json', 'content-length': '11', date: 'Sun, 22 Nov 2026 10:00:00 GMT', 'x-served-by': 'test' });
        response.end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  beforeEach(() => seen.splice(0));

  it('sends method, path, query, headers and body, and returns statusCode, headers and body', async () => {
    // The request and result shapes: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html
    const outcome = await new HttpDataSource({ endpoint }).invoke(
      { method: 'POST', resourcePath: '/notes/n1', params: { query: { tag: ['a', 'b'], limit: 2 }, headers: { 'x-trace': 't1', 'content-type': 'application/json' }, body: { title: 'Hi' } } }
    );
    expect(outcome).toEqual({
      result: {
        statusCode: 201,
        headers: { connection: 'keep-alive', 'content-length': '11', 'content-type': 'application/json', date: 'Sun, 22 Nov 2026 10:00:00 GMT', 'keep-alive': 'timeout=5', 'x-served-by': 'test' },
        body: '{"ok":true}',
      },
    });
    expect(seen).toEqual([{ method: 'POST', url: '/notes/n1?tag=a&tag=b&limit=2', header: 't1', body: '{"title":"Hi"}' }]);
  });

  it('returns an error status as a result for the response handler to judge', async () => {
    const outcome = await new HttpDataSource({ endpoint }).invoke({ method: 'GET', resourcePath: '/missing' });
    expect(outcome).toEqual({
      result: {
        statusCode: 404,
        headers: { connection: 'keep-alive', 'content-length': '11', 'content-type': 'application/json', date: 'Sun, 22 Nov 2026 10:00:00 GMT', 'keep-alive': 'timeout=5', 'x-served-by': 'test' },
        body: '{"ok":true}',
      },
    });
  });

  it('reports a request that times out as AppSync does', async () => {
    // aws/aws-appsync-community#43: "execution timed out, errorType=Http:ExecutionTimeoutException".
    const outcome = await new HttpDataSource({ endpoint, timeoutMs: 100 }).invoke({ method: 'GET', resourcePath: '/slow' });
    expect(outcome).toEqual({ error: { message: 'execution timed out', type: 'Http:ExecutionTimeoutException' } });
  });

  it('reports a request that cannot be sent as an error', async () => {
    const outcome = await new HttpDataSource({ endpoint: 'http://127.0.0.1:1' }).invoke({ method: 'GET', resourcePath: '/x' });
    expect(outcome).toEqual({ error: { message: 'The HTTP request to http://127.0.0.1:1 failed: fetch failed', type: 'HttpError' } });
  });

  it('reports a request that is not an HTTP request as an error', async () => {
    expect(await new HttpDataSource({ endpoint }).invoke({ method: 'FETCH', resourcePath: '/x' })).toEqual({ error: { message: 'Unsupported HTTP method: "FETCH"', type: 'MappingTemplate' } });
    expect(await new HttpDataSource({ endpoint }).invoke({ method: 'GET', resourcePath: 'x' })).toEqual({
      error: { message: `The resourcePath must be a string starting with '/'; got "x"`, type: 'MappingTemplate' },
    });
  });
});
