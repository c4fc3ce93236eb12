// Whole-stack: faults stay inside the field that caused them. A Lambda function that throws, a
// Lambda function past its timeout and a resolver that never ends each fail their own field, while
// the rest of the request resolves and the stack keeps serving.
import { SLOW_FUNCTION_TIMEOUT_SECONDS } from './fixture-app';
import { startFixtureStack, type FixtureStack } from './fixture-stack';

let fixture: FixtureStack;
let asUser: Record<string, string>;

beforeAll(async () => {
  fixture = await startFixtureStack();
  asUser = { authorization: fixture.idToken };
}, 180_000);

afterAll(async () => {
  await fixture?.stop();
}, 60_000);

const location = (line: number, column: number) => [{ line, column, sourceName: null }];

describe('faults in the fixture stack', () => {
  it('turns a function error into an error on that field only', async () => {
    // A function error reaches the response handler as ctx.error with type Lambda:Unhandled and the
    // function's message; util.error raises it on the field
    // (https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html, "Returning errors").
    const response = await fixture.graphql({ query: '{ noneEcho(message: "still here") { message } lambdaFail(message: "bad input") }' }, asUser);
    expect(response).toEqual({
      status: 200,
      body: {
        data: { noneEcho: { message: 'still here' }, lambdaFail: null },
        errors: [{ path: ['lambdaFail'], data: null, errorType: 'Lambda:Unhandled', errorInfo: null, locations: location(1, 47), message: 'refused: bad input' }],
      },
    });
  });

  it('fails only the field whose function timed out, and the next call runs in a new execution environment', async () => {
    // The slow function counts the invocations of its execution environment: 1 and 2 while warm.
    expect(await fixture.graphql({ query: '{ first: lambdaSlow(ms: 0) }' }, asUser)).toEqual({ status: 200, body: { data: { first: 1 } } });
    expect(await fixture.graphql({ query: '{ second: lambdaSlow(ms: 0) }' }, asUser)).toEqual({ status: 200, body: { data: { second: 2 } } });

    // Lambda ends an invocation at its timeout with "Task timed out after N.NN seconds"
    // (https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html) and AppSync reports
    // the function error as Lambda:Unhandled (https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html).
    const timedOut = await fixture.graphql({ query: `{ noneEcho(message: "unaffected") { message } lambdaSlow(ms: ${SLOW_FUNCTION_TIMEOUT_SECONDS * 5000}) }` }, asUser);
    expect(timedOut).toEqual({
      status: 200,
      body: {
        data: { noneEcho: { message: 'unaffected' }, lambdaSlow: null },
        errors: [
          {
            path: ['lambdaSlow'],
            data: null,
            errorType: 'Lambda:Unhandled',
            errorInfo: null,
            locations: location(1, 47),
            // Only the request id varies: it is the invocation's own.
            message: expect.stringMatching(new RegExp(`^RequestId: [0-9a-f-]{36} Error: Task timed out after ${SLOW_FUNCTION_TIMEOUT_SECONDS}\\.00 seconds$`)),
          },
        ],
      },
    });

    // A timeout discards the execution environment: the next invocation is a cold start, so its count is 1 again.
    expect(await fixture.graphql({ query: '{ afterTimeout: lambdaSlow(ms: 0) }' }, asUser)).toEqual({ status: 200, body: { data: { afterTimeout: 1 } } });
  }, 30_000);

  it('stops a resolver that never ends at the CPU budget, and keeps serving', async () => {
    // Outpost Local's own guard: AppSync does not document what it reports for a runaway APPSYNC_JS
    // handler, so the type (Code) and message are the local runtime's.
    const started = Date.now();
    const response = await fixture.graphql({ query: '{ spin noneEcho(message: "beside the loop") { message } }' }, asUser);
    const elapsedMs = Date.now() - started;
    expect(response).toEqual({
      status: 200,
      body: {
        data: { spin: null, noneEcho: { message: 'beside the loop' } },
        errors: [{ path: ['spin'], data: null, errorType: 'Code', errorInfo: null, locations: location(1, 3), message: 'Execution exceeded the 1000 ms CPU budget.' }],
      },
    });
    // 10^12 iterations would take hours; the budget ends them in about a second.
    expect(elapsedMs).toBeLessThan(10_000);
    expect(await fixture.graphql({ query: '{ noneEcho(message: "after the loop") { message via } }' }, asUser)).toEqual({
      status: 200,
      body: { data: { noneEcho: { message: 'after the loop', via: 'none' } } },
    });
  }, 30_000);
});
