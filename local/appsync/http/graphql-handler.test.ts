import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildAppSyncSchema } from '../../../schema/validate';
import { ResolverRuntime } from '../../appsync-js/sandbox/resolver-module';
import { NoneDataSource } from '../../datasources/none/none-data-source';
import { UnauthorizedError } from '../auth/errors';
import { executeAppSync } from '../execution/execute';
import type { CallerContext } from '../execution/types';
import { createGraphQLHandler, type IncomingGraphQLRequest } from './graphql-handler';

const schema = buildAppSyncSchema(`type Query { hello(name: String!): String boom: String }`);
const services = {
  runtime: new ResolverRuntime(),
  dataSources: { none: new NoneDataSource() },
  resolvers: {
    'Query.hello': { kind: 'UNIT' as const, dataSource: 'none', code: `export function request(ctx) { return { payload: 'hello ' + ctx.args.name }; }\nexport function response(ctx) { return ctx.result; }` },
  },
};

const internalErrors: unknown[] = [];
const seenRequests: IncomingGraphQLRequest[] = [];

async function authenticate(request: IncomingGraphQLRequest): Promise<CallerContext> {
  seenRequests.push(request);
  if (request.headers['x-api-key'] !== 'da2-test') throw new UnauthorizedError('You are not authorized to make this call.');
  return { identity: null, authMode: 'API_KEY', headers: {}, domainName: null };
}

describe('POST /graphql', () => {
  let server: Server;
  let url: string;
  let ids = 0;

  beforeAll(async () => {
    const handler = createGraphQLHandler({
      authenticate,
      execute: (caller, body) => {
        if (body.query.includes('boom')) throw new Error('executor exploded');
        return executeAppSync(schema, services, caller, body);
      },
      maxBodyBytes: 200,
      requestId: () => `req-${(ids += 1)}`,
      onInternalError: (error) => internalErrors.push(error),
    });
    server = createServer((request, response) => void handler(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  });

  beforeEach(() => {
    ids = 0;
    internalErrors.splice(0);
    seenRequests.splice(0);
  });

  const HEADERS = ['content-type', 'x-amzn-requestid', 'x-amzn-errortype', 'access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'];

  async function post(body: string, headers: Record<string, string> = { 'x-api-key': 'da2-test' }, method = 'POST') {
    const response = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: method === 'OPTIONS' ? undefined : body });
    const text = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(HEADERS.filter((name) => response.headers.has(name)).map((name) => [name, response.headers.get(name)])),
      body: text === '' ? null : JSON.parse(text),
    };
  }

  const json = { 'content-type': 'application/json; charset=UTF-8', 'x-amzn-requestid': 'req-1', 'access-control-allow-origin': '*' };
  const rejected = (errorType: string) => ({ ...json, 'x-amzn-errortype': errorType });

  it('executes a query and answers 200 with the data', async () => {
    expect(await post(JSON.stringify({ query: 'query Hi($n: String!) { hello(name: $n) }', variables: { n: 'Ada' }, operationName: 'Hi' }))).toEqual({
      status: 200,
      headers: json,
      body: { data: { hello: 'hello Ada' } },
    });
    expect(seenRequests.map(({ method, target, graphql }) => ({ method, target, graphql }))).toEqual([
      { method: 'POST', target: '/graphql', graphql: { query: 'query Hi($n: String!) { hello(name: $n) }', variables: { n: 'Ada' }, operationName: 'Hi' } },
    ]);
  });

  // The malformed-request answers: graphql/graphql-over-http#81, the AppSync team's own description.
  it('answers an empty body with 400 "Request body is empty."', async () => {
    expect(await post('')).toEqual({ status: 400, headers: rejected('MalformedHttpRequestException'), body: { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is empty.' }] } });
  });

  it.each(['meow', '{}', '{}}', '[]', '{"query": 3}'])('answers the body %s with 400 "Unable to parse GraphQL query."', async (body) => {
    expect(await post(body)).toEqual({ status: 400, headers: rejected('MalformedHttpRequestException'), body: { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }] } });
  });

  it('answers a body over the size limit with 413 and keeps serving', async () => {
    expect(await post(JSON.stringify({ query: `{ hello(name: "${'x'.repeat(300)}") }` }))).toEqual({
      status: 413,
      headers: rejected('RequestEntityTooLargeException'),
      body: { errors: [{ errorType: 'RequestEntityTooLargeException', message: 'The request body is larger than the 200-byte limit.' }] },
    });
    expect((await post(JSON.stringify({ query: '{ hello(name: "again") }' }))).body).toEqual({ data: { hello: 'hello again' } });
  });

  it('answers a validation error with 200 and data null', async () => {
    expect(await post(JSON.stringify({ query: '{badfield}' }))).toEqual({
      status: 200,
      headers: json,
      body: { data: null, errors: [{ path: null, locations: [{ line: 1, column: 2, sourceName: null }], message: "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'" }] },
    });
  });

  it('answers a missing variable with 200 and data null', async () => {
    expect(await post(JSON.stringify({ query: 'query Hi($n: String!) { hello(name: $n) }' }))).toEqual({
      status: 200,
      headers: json,
      body: { data: null, errors: [{ path: null, locations: [{ line: 1, column: 10, sourceName: null }], message: "Variable 'n' has coerced Null value for NonNull type 'String!'" }] },
    });
  });

  // graphql-java's wording (NodeUtil.getOperation), which AppSync answers with.
  it('answers an unknown operation name with 200 and data null', async () => {
    expect(await post(JSON.stringify({ query: 'query Hi { hello(name: "x") }', operationName: 'Bye' }))).toEqual({
      status: 200,
      headers: json,
      body: { data: null, errors: [{ path: null, locations: null, message: "Unknown operation named 'Bye'." }] },
    });
  });

  it('answers a caller that fails authentication with 401 UnauthorizedException', async () => {
    expect(await post(JSON.stringify({ query: '{ hello(name: "x") }' }), { 'x-api-key': 'wrong' })).toEqual({
      status: 401,
      headers: rejected('UnauthorizedException'),
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
    });
  });

  it('answers a CORS preflight', async () => {
    expect(await post('', { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' }, 'OPTIONS')).toEqual({
      status: 200,
      headers: {
        'x-amzn-requestid': 'req-1',
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type,x-api-key',
        'access-control-max-age': '86400',
      },
      body: null,
    });
  });

  it('answers an executor failure with 500 and reports it', async () => {
    expect(await post(JSON.stringify({ query: '{ boom }' }))).toEqual({
      status: 500,
      headers: rejected('InternalFailureException'),
      body: { errors: [{ errorType: 'InternalFailureException', message: 'An internal failure occurred.' }] },
    });
    expect(internalErrors).toEqual([new Error('executor exploded')]);
  });
});
