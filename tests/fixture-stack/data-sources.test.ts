// Whole-stack: the fixture app's NONE, Lambda (Invoke and BatchInvoke), HTTP and DynamoDB data
// sources, a pipeline resolver, the Lambda authorizer and a filtered stream mapping, over real HTTP
// with real cognito-local tokens.
import { startFixtureStack, waitFor, type FixtureStack } from './fixture-stack';

let fixture: FixtureStack;
let asUser: Record<string, string>;

beforeAll(async () => {
  fixture = await startFixtureStack();
  asUser = { authorization: fixture.idToken };
}, 180_000);

afterAll(async () => {
  await fixture?.stop();
}, 60_000);

describe('the fixture stack', () => {
  it('resolves a NONE data source field with a user pool token and with the API key', async () => {
    // NONE returns the request's payload as the result
    // (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-none-js.html).
    const query = { query: 'query Echo($message: String!) { noneEcho(message: $message) { message via } }', variables: { message: 'hello' } };
    const expected = { status: 200, body: { data: { noneEcho: { message: 'hello', via: 'none' } } } };
    expect(await fixture.graphql(query, asUser)).toEqual(expected);
    expect(await fixture.graphql(query, { 'x-api-key': fixture.stack.apiKey ?? '' })).toEqual(expected);
  });

  it('invokes a Lambda function with the request payload as its event', async () => {
    // Invoke sends `payload` as the event and the function's return value is ctx.result
    // (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html).
    expect(await fixture.graphql({ query: '{ lambdaEcho(message: "from lambda") { message via } }' }, asUser)).toEqual({
      status: 200,
      body: { data: { lambdaEcho: { message: 'from lambda', via: 'lambda' } } },
    });
  });

  it('batches sibling BatchInvoke calls into arrays of at most maxBatchSize payloads', async () => {
    // BatchInvoke sends the payloads of one field's sibling calls as one array and each call gets its
    // element of the returned array; maxBatchSize caps the array
    // (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html,
    // https://docs.aws.amazon.com/appsync/latest/APIReference/API_Resolver.html "maxBatchSize").
    expect(await fixture.graphql({ query: '{ items(ids: ["a", "b", "c"]) { id detail } }' }, asUser)).toEqual({
      status: 200,
      body: {
        data: {
          items: [
            { id: 'a', detail: 'a in a batch of 2' },
            { id: 'b', detail: 'b in a batch of 2' },
            { id: 'c', detail: 'c in a batch of 1' },
          ],
        },
      },
    });
  });

  it('calls the HTTP data source endpoint and hands the status and body to the response handler', async () => {
    // The request names method, resourcePath and params; ctx.result is { statusCode, headers, body },
    // and a 404 is a result, not an error
    // (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html).
    fixture.received.length = 0;
    const response = await fixture.graphql({ query: '{ found: httpGet(path: "/notes/1") { statusCode body } missing: httpGet(path: "/missing/2") { statusCode body } }' }, asUser);
    expect(response).toEqual({
      status: 200,
      body: {
        data: {
          found: { statusCode: 200, body: '{"method":"GET","url":"/notes/1?from=fixture"}' },
          missing: { statusCode: 404, body: '{"method":"GET","url":"/missing/2?from=fixture"}' },
        },
      },
    });
    expect([...fixture.received].sort((a, b) => a.url.localeCompare(b.url))).toEqual([
      { method: 'GET', url: '/missing/2?from=fixture', fixtureHeader: 'http-data-source' },
      { method: 'GET', url: '/notes/1?from=fixture', fixtureHeader: 'http-data-source' },
    ]);
  });

  it('runs a pipeline resolver: functions in order, sharing the stash, each seeing ctx.prev.result', async () => {
    // (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-overview-js.html, "Pipeline resolvers")
    expect(await fixture.graphql({ query: '{ pipeline(value: 20) { value steps } }' }, asUser)).toEqual({
      status: 200,
      body: { data: { pipeline: { value: 41, steps: ['before', 'double', 'increment', 'after'] } } },
    });
  });

  it('writes and reads a DynamoDB table through PutItem and GetItem', async () => {
    // (https://docs.aws.amazon.com/appsync/latest/devguide/js-resolver-reference-dynamodb.html)
    expect(await fixture.graphql({ query: 'mutation { putRecord(id: "dynamo-1", kind: "note", label: "first") { id kind label } }' }, asUser)).toEqual({
      status: 200,
      body: { data: { putRecord: { id: 'dynamo-1', kind: 'note', label: 'first' } } },
    });
    expect(await fixture.graphql({ query: '{ record(id: "dynamo-1") { id kind label } absent: record(id: "dynamo-0") { id } }' }, asUser)).toEqual({
      status: 200,
      body: { data: { record: { id: 'dynamo-1', kind: 'note', label: 'first' }, absent: null } },
    });
  });

  it('lets the Lambda authorizer allow a token, with its resolverContext in ctx.identity', async () => {
    // An AWS_LAMBDA authorizer's resolverContext reaches resolvers as ctx.identity.resolverContext
    // (https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization).
    const response = await fixture.graphql({ query: 'query WhoAmI { whoAmI }', operationName: 'WhoAmI' }, { authorization: 'fixture-allow' });
    expect(response).toEqual({
      status: 200,
      body: { data: { whoAmI: JSON.stringify({ resolverContext: { tenant: 'fixture', operation: 'WhoAmI' } }) } },
    });
  });

  it('answers 401 UnauthorizedException when the Lambda authorizer denies the token', async () => {
    // Credentials the auth mode rejects get a 401, not a 200 with field errors
    // (https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error).
    expect(await fixture.graphql({ query: 'query WhoAmI { whoAmI }' }, { authorization: 'fixture-deny' })).toEqual({
      status: 401,
      body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
    });
  });

  it('delivers the stream records that pass the mapping FilterCriteria, and only those', async () => {
    // Records that do not match the filter are dropped before the function is invoked
    // (https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html).
    const put = (id: string, kind: string) => fixture.graphql({ query: `mutation { putRecord(id: "${id}", kind: "${kind}") { id kind } }` }, asUser);
    expect(await put('stream-skip', 'skip')).toEqual({ status: 200, body: { data: { putRecord: { id: 'stream-skip', kind: 'skip' } } } });
    expect(await put('stream-keep', 'keep')).toEqual({ status: 200, body: { data: { putRecord: { id: 'stream-keep', kind: 'keep' } } } });
    await waitFor('the stream function to report a batch', () => fixture.delivered.length > 0, 15_000);
    // The records were written before "stream-keep", so the poller has read past them all by now.
    expect(fixture.delivered).toEqual([{ records: [{ eventName: 'INSERT', id: 'stream-keep', kind: 'keep' }] }]);
  }, 30_000);
});
