// The explorer's GraphiQL fetcher, run in Node against a stand-in endpoint that records each request.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphqlFetcher, GraphqlHttpError } from './graphql-fetcher';

type Reply = { status: number; contentType: string; body: string };

async function withEndpoint(reply: Reply, use: (url: string, received: unknown[]) => Promise<void>): Promise<void> {
  const received: unknown[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const { authorization, 'x-api-key': apiKey, 'x-trace': trace, 'content-type': contentType } = request.headers;
      received.push({ method: request.method, url: request.url, authorization, apiKey, trace, contentType, body: JSON.parse(body) });
      response.writeHead(reply.status, { 'Content-Type': reply.contentType });
      response.end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received);
  } finally {
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }
}

describe('graphqlFetcher', () => {
  it('posts the operation with the auth header, letting the header editor add and override headers', async () => {
    const result = { data: { whoami: 'user alice' } };
    await withEndpoint({ status: 200, contentType: 'application/json', body: JSON.stringify(result) }, async (url, received) => {
      const fetcher = graphqlFetcher(url, { Authorization: 'id-token-for-alice', 'x-api-key': 'da2-key' });
      const params = { query: 'query Who { whoami }', operationName: 'Who', variables: { a: 1 } };
      const answer = await fetcher(params, { headers: { 'x-api-key': 'da2-typed-in-editor', 'x-trace': 'on' } });
      expect({ answer, received }).toEqual({
        answer: result,
        received: [
          {
            method: 'POST',
            url: '/graphql',
            authorization: 'id-token-for-alice',
            apiKey: 'da2-typed-in-editor',
            trace: 'on',
            contentType: 'application/json',
            body: params,
          },
        ],
      });
    });
  });

  it('passes an AppSync error response through for GraphiQL to show', async () => {
    // AppSync answers HTTP 401 when the Authorization or x-api-key header is missing or invalid:
    // https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error
    const unauthorized = { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] };
    await withEndpoint({ status: 401, contentType: 'application/json; charset=UTF-8', body: JSON.stringify(unauthorized) }, async (url) => {
      expect(await graphqlFetcher(url, {})({ query: '{ whoami }' })).toEqual(unauthorized);
    });
  });

  it('throws a GraphqlHttpError for a response that is not JSON', async () => {
    await withEndpoint({ status: 502, contentType: 'text/plain', body: 'upstream crashed' }, async (url) => {
      const error = await Promise.resolve(graphqlFetcher(url, {})({ query: '{ whoami }' })).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(GraphqlHttpError);
      expect((error as GraphqlHttpError).message).toBe(`HTTP 502 from ${url}: upstream crashed`);
    });
  });
});
