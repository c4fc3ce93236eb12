// The Lambda runtime with real worker threads and the fixture bundles in __fixtures__.
// Error documents follow the Node.js runtime interface client (aws/aws-lambda-nodejs-runtime-interface-client,
// src/Errors.js); platform errors follow Lambda's answers for a timeout and an exited runtime
// (aws/aws-lambda-runtime-interface-emulator and localstack/lambda-runtime-init, cmd/localstack/custom_interop.go:
// `{"errorType":"Sandbox.Timedout","errorMessage":"RequestId: <id> Error: Task timed out after 1.00 seconds"}`).
import * as path from 'node:path';
import { ManualClock } from '../clock';
import { FunctionNotFoundError, LambdaRuntimeStoppedError } from './errors';
import { createLambdaRuntime } from './runtime';
import type { FunctionSpec, InvokeResult, LambdaErrorPayload, LambdaRuntime } from './types';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, '__fixtures__');
const ACCOUNT = '123456789012';

function spec(name: string, fixture: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  return {
    name,
    arn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${name}`,
    codeDir: path.join(FIXTURES, fixture),
    handler: 'index.handler',
    timeoutSeconds: 5,
    memoryMb: 256,
    environment: {},
    ...overrides,
  };
}

interface Harness {
  runtime: LambdaRuntime;
  /** Log lines as `<function>: <line>`, with the one measured figure (heap in use) masked. */
  lines(): string[];
}

function start(functions: FunctionSpec[], baseEnv: Record<string, string> = { AWS_REGION: 'eu-west-1' }): Harness {
  const logged: string[] = [];
  let nextId = 0;
  const runtime = createLambdaRuntime({
    functions,
    baseEnv,
    log: (line, functionName) => logged.push(`${functionName}: ${line}`),
    clock: new ManualClock(new Date('2026-03-01T09:00:00.000Z')),
    newRequestId: () => `request-${++nextId}`,
  });
  return { runtime, lines: () => logged.map((line) => line.replace(/Max Memory Used: \d+ MB/, 'Max Memory Used: <n> MB')) };
}

const T = '2026-03-01T09:00:00.000Z';

/**
 * Error documents with machine paths replaced by <fixtures>/<runtime> and the runtime's own stack
 * frames dropped: what remains is what a function author sees of their code.
 */
function normalized(result: InvokeResult): InvokeResult {
  if (!('error' in result)) return result;
  const text = JSON.stringify(result.error).split(FIXTURES).join('<fixtures>').split(__dirname).join('<runtime>');
  const error = JSON.parse(text) as LambdaErrorPayload;
  const trace = error.trace?.filter((line) => !line.startsWith('    at ') || line.includes('<fixtures>'));
  return { error: trace ? { ...error, trace } : error };
}

describe('createLambdaRuntime', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.runtime.stop();
    harness = undefined;
  });

  it('runs an async handler with the Lambda context, cold then warm, logging like CloudWatch', async () => {
    harness = start([spec('echo', 'async-handler')]);
    const first = await harness.runtime.invoke('echo', { noteId: 'n1' });
    const second = await harness.runtime.invoke(`arn:aws:lambda:eu-west-1:${ACCOUNT}:function:echo`, { noteId: 'n2' });
    const context = (requestId: string) => ({
      functionName: 'echo',
      functionVersion: '$LATEST',
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/echo',
      invokedFunctionArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:echo`,
      awsRequestId: requestId,
      remainingIsPositive: true,
    });
    expect({ first, second, lines: harness.lines() }).toEqual({
      first: { payload: { event: { noteId: 'n1' }, context: context('request-1') } },
      second: { payload: { event: { noteId: 'n2' }, context: context('request-2') } },
      lines: [
        'echo: INIT_START Runtime Version: nodejs:20',
        // Code that runs during init logs without a request id.
        `echo: ${T}\tundefined\tINFO\tloading the echo module`,
        'echo: START RequestId: request-1 Version: $LATEST',
        `echo: ${T}\trequest-1\tINFO\treceived { noteId: 'n1' }`,
        'echo: END RequestId: request-1',
        'echo: REPORT RequestId: request-1\tDuration: 0.00 ms\tBilled Duration: 0 ms\tMemory Size: 256 MB\tMax Memory Used: <n> MB\tInit Duration: 0.00 ms',
        'echo: START RequestId: request-2 Version: $LATEST',
        `echo: ${T}\trequest-2\tINFO\treceived { noteId: 'n2' }`,
        'echo: END RequestId: request-2',
        'echo: REPORT RequestId: request-2\tDuration: 0.00 ms\tBilled Duration: 0 ms\tMemory Size: 256 MB\tMax Memory Used: <n> MB',
      ],
    });
  });

  it('answers through the callback of a callback-style handler, and formats callback(error)', async () => {
    harness = start([spec('doubler', 'callback-handler')]);
    const answered = await harness.runtime.invoke('doubler', { value: 21 });
    const failed = normalized(await harness.runtime.invoke('doubler', { fail: 'negative numbers' }));
    expect({ answered, failed }).toEqual({
      answered: { payload: { doubled: 42 } },
      failed: {
        error: {
          errorType: 'RangeError',
          errorMessage: 'cannot handle negative numbers',
          trace: ['RangeError: cannot handle negative numbers', '    at module.exports.handler (<fixtures>/callback-handler/index.js:6:14)'],
        },
      },
    });
  });

  it('returns the error document of a thrown error and logs it as Invoke Error', async () => {
    harness = start([spec('finder', 'throwing-handler')]);
    const result = await harness.runtime.invoke('finder', { id: 'n9' });
    const frame = `    at module.exports.handler (${path.join(FIXTURES, 'throwing-handler', 'index.js')}:13:9)`;
    expect({ result, lines: harness.lines() }).toEqual({
      result: { error: { errorType: 'NoteNotFoundError', errorMessage: 'Note n9 does not exist', trace: ['NoteNotFoundError: Note n9 does not exist', frame] } },
      lines: [
        'finder: INIT_START Runtime Version: nodejs:20',
        'finder: START RequestId: request-1 Version: $LATEST',
        `finder: ${T}\trequest-1\tERROR\tInvoke Error \t${JSON.stringify({
          errorType: 'NoteNotFoundError',
          errorMessage: 'Note n9 does not exist',
          name: 'NoteNotFoundError',
          stack: ['NoteNotFoundError: Note n9 does not exist', frame],
        })}`,
        'finder: END RequestId: request-1',
        'finder: REPORT RequestId: request-1\tDuration: 0.00 ms\tBilled Duration: 0 ms\tMemory Size: 256 MB\tMax Memory Used: <n> MB\tInit Duration: 0.00 ms',
      ],
    });
  });

  it('loads ES modules: an .mjs handler with top-level await, and a .js one under "type": "module"', async () => {
    harness = start([spec('greeter', 'esm-handler'), spec('typed', 'esm-package')]);
    expect({ greeter: await harness.runtime.invoke('greeter', { name: 'Ada' }), typed: await harness.runtime.invoke('typed', {}) }).toEqual({
      greeter: { payload: { greeting: 'hello from esm', name: 'Ada' } },
      typed: { payload: { format: 'esm via package.json' } },
    });
  });

  it('answers null for a synchronous handler that returns without calling back, as the Node.js runtime does', async () => {
    harness = start([spec('sync', 'sync-handler')]);
    expect(await harness.runtime.invoke('sync', { id: 7 })).toEqual({ payload: null });
  });

  it('fails an invocation that outgrows the memory size, then starts a fresh worker', async () => {
    harness = start([spec('hog', 'memory-hog', { memoryMb: 64 })]);
    const outOfMemory = await harness.runtime.invoke('hog', { hoard: true });
    const next = await harness.runtime.invoke('hog', {});
    expect({ outOfMemory, next, report: harness.lines().find((line) => line.startsWith('hog: REPORT')) }).toEqual({
      // Lambda reports errorType Runtime.OutOfMemory when a function exceeds its memory size.
      outOfMemory: { error: { errorType: 'Runtime.OutOfMemory', errorMessage: 'RequestId: request-1 Error: Runtime exited with error: signal: killed' } },
      next: { payload: { invocations: 1 } },
      report:
        'hog: REPORT RequestId: request-1\tDuration: 0.00 ms\tBilled Duration: 0 ms\tMemory Size: 64 MB\tMax Memory Used: <n> MB\tInit Duration: 0.00 ms\tStatus: error\tError Type: Runtime.OutOfMemory',
    });
  });

  it('times out after the template timeout, terminates the worker, and cold-starts the next invocation', async () => {
    harness = start([spec('sleeper', 'sleeping-handler', { timeoutSeconds: 1 })]);
    const timedOut = await harness.runtime.invoke('sleeper', { sleepMs: 5_000 });
    const next = await harness.runtime.invoke('sleeper', { sleepMs: 1 });
    expect({ timedOut, next, lines: harness.lines() }).toEqual({
      timedOut: { error: { errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: request-1 Error: Task timed out after 1.00 seconds' } },
      // A fresh worker: the module state started again at zero.
      next: { payload: { slept: 1, invocations: 1 } },
      lines: [
        'sleeper: INIT_START Runtime Version: nodejs:20',
        'sleeper: START RequestId: request-1 Version: $LATEST',
        'sleeper: END RequestId: request-1',
        // https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html: REPORT of a timeout ends with Status: timeout.
        'sleeper: REPORT RequestId: request-1\tDuration: 0.00 ms\tBilled Duration: 0 ms\tMemory Size: 256 MB\tMax Memory Used: <n> MB\tInit Duration: 0.00 ms\tStatus: timeout',
        'sleeper: INIT_START Runtime Version: nodejs:20',
        'sleeper: START RequestId: request-2 Version: $LATEST',
        'sleeper: END RequestId: request-2',
        'sleeper: REPORT RequestId: request-2\tDuration: 0.00 ms\tBilled Duration: 0 ms\tMemory Size: 256 MB\tMax Memory Used: <n> MB\tInit Duration: 0.00 ms',
      ],
    });
  });

  it('fails only the invocation whose worker exited or threw in a timer, then starts a fresh worker', async () => {
    harness = start([spec('crasher', 'crashing-handler')]);
    const results = [];
    for (const event of [{}, { crash: 'exit' }, {}, { crash: 'timer' }, {}]) {
      results.push(normalized(await harness.runtime.invoke('crasher', event)));
    }
    const timerFrame = '    at Timeout._onTimeout (<fixtures>/crashing-handler/index.js:12:13)';
    expect(results).toEqual([
      { payload: { invocations: 1 } },
      // Lambda's answer when the runtime process exits mid-invocation.
      { error: { errorType: 'Runtime.ExitError', errorMessage: 'RequestId: request-2 Error: Runtime exited with error: exit status 3' } },
      { payload: { invocations: 1 } },
      // The runtime reports an uncaught exception against the running invocation, then exits.
      { error: { errorType: 'Error', errorMessage: 'a timer failed', trace: ['Error: a timer failed', timerFrame] } },
      { payload: { invocations: 1 } },
    ]);
  });

  it('gives each function its own environment: template variables, local endpoints, credentials and Lambda variables', async () => {
    // A template that names a real endpoint is overridden by the local one.
    const baseEnv = { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000' };
    process.env.HOST_ONLY = 'the host process environment does not leak into functions';
    let results;
    try {
      harness = start(
        [
          spec('users', 'environment-handler', { environment: { TABLE_NAME: 'Users', AWS_ENDPOINT_URL_DYNAMODB: 'https://dynamodb.eu-west-1.amazonaws.com' } }),
          spec('notes', 'environment-handler', { environment: { TABLE_NAME: 'Notes' }, memoryMb: 512 }),
        ],
        baseEnv,
      );
      results = {
        users: await harness.runtime.invoke('users', { set: 'users' }),
        notes: await harness.runtime.invoke('notes', {}),
        host: process.env.CHANGED_BY,
      };
    } finally {
      delete process.env.HOST_ONLY;
    }
    const expected = (name: string, table: string, memory: string, changedBy: string | null) => ({
      TABLE_NAME: table,
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000',
      AWS_ACCESS_KEY_ID: 'outpostlocal',
      AWS_SECRET_ACCESS_KEY: 'outpostlocal',
      AWS_SESSION_TOKEN: 'outpostlocal',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: name,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: memory,
      _HANDLER: 'index.handler',
      LAMBDA_TASK_ROOT: path.join(FIXTURES, 'environment-handler'),
      HOST_ONLY: null,
      CHANGED_BY: changedBy,
    });
    expect(results).toEqual({
      users: { payload: expected('users', 'Users', '256', 'users') },
      notes: { payload: expected('notes', 'Notes', '512', null) },
      host: undefined,
    });
  });

  it('reports a handler that cannot be loaded as Lambda does, and retries the init on the next invocation', async () => {
    harness = start([spec('broken', 'broken-import'), spec('nameless', 'async-handler', { handler: 'index.missing' })]);
    const broken = normalized(await harness.runtime.invoke('broken', {}));
    const nameless = normalized(await harness.runtime.invoke('nameless', {}));
    const again = normalized(await harness.runtime.invoke('nameless', {}));
    const notFound = {
      error: {
        errorType: 'Runtime.HandlerNotFound',
        errorMessage: 'index.missing is undefined or not exported',
        trace: ['Runtime.HandlerNotFound: index.missing is undefined or not exported'],
      },
    };
    expect({ broken, nameless, again, initReports: harness.lines().filter((line) => line.includes('INIT_REPORT')) }).toEqual({
      broken: {
        error: {
          errorType: 'Runtime.ImportModuleError',
          errorMessage:
            "Error: Cannot find module './missing-dependency'\nRequire stack:\n- <fixtures>/broken-import/index.js\n- <runtime>/worker/load-handler.ts",
          trace: [
            "Runtime.ImportModuleError: Error: Cannot find module './missing-dependency'",
            'Require stack:',
            '- <fixtures>/broken-import/index.js',
            '- <runtime>/worker/load-handler.ts',
          ],
        },
      },
      nameless: notFound,
      again: notFound,
      initReports: [
        'broken: INIT_REPORT Init Duration: 0.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
        'nameless: INIT_REPORT Init Duration: 0.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.HandlerNotFound',
        'nameless: INIT_REPORT Init Duration: 0.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.HandlerNotFound',
      ],
    });
  });

  it('serializes invocations of one function on its warm worker', async () => {
    harness = start([spec('sleeper', 'sleeping-handler')]);
    const results = await Promise.all([50, 10, 1].map((sleepMs) => harness?.runtime.invoke('sleeper', { sleepMs })));
    expect(results).toEqual([
      { payload: { slept: 50, invocations: 1 } },
      { payload: { slept: 10, invocations: 2 } },
      { payload: { slept: 1, invocations: 3 } },
    ]);
  });

  it('reloads: running invocations finish on the old worker, new ones get a new worker', async () => {
    harness = start([spec('sleeper', 'sleeping-handler')]);
    await harness.runtime.invoke('sleeper', { sleepMs: 1 });
    const running = harness.runtime.invoke('sleeper', { sleepMs: 200 });
    const reloaded = harness.runtime.reload([spec('sleeper', 'sleeping-handler', { memoryMb: 512 })]);
    const afterReload = await harness.runtime.invoke('sleeper', { sleepMs: 1 });
    await reloaded;
    expect({ running: await running, afterReload }).toEqual({
      running: { payload: { slept: 200, invocations: 2 } },
      afterReload: { payload: { slept: 1, invocations: 1 } },
    });
  });

  it('rejects an unknown function, and invocations after stop', async () => {
    harness = start([spec('echo', 'async-handler')]);
    await expect(harness.runtime.invoke('nope', {})).rejects.toEqual(new FunctionNotFoundError('nope'));
    await harness.runtime.stop();
    await expect(harness.runtime.invoke('echo', {})).rejects.toEqual(new LambdaRuntimeStoppedError('echo'));
  });
});
