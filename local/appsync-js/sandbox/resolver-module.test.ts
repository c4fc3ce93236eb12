import { CodeValidationError } from '../validation/code-error';
import { ResolverLoadError, ResolverRuntime, type HandlerEvaluation } from './resolver-module';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5, 678);

/** What a handler returns when it only produced `outcome`. */
function plain(outcome: HandlerEvaluation['outcome'], extra: Partial<HandlerEvaluation> = {}): HandlerEvaluation {
  return { outcome, stash: {}, outErrors: [], logs: [], invalidations: [], cacheEvictions: [], responseHeaders: {}, ...extra };
}

function load(code: string, runtime = new ResolverRuntime({ now: () => NOW })) {
  return runtime.loadResolverModule(code);
}

/** A module whose request handler returns `expression`, on line 3. */
function requestReturning(expression: string): string {
  return `import { util, runtime, extensions } from '@aws-appsync/utils';\nexport function request(ctx) {\n  return ${expression};\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;
}

describe('ResolverRuntime', () => {
  it('runs a request and a response handler with the whole context', () => {
    const module = load(
      [
        "import { util } from '@aws-appsync/utils';",
        "import * as ddb from '@aws-appsync/utils/dynamodb';",
        'export function request(ctx) {',
        '  ctx.stash.requestedBy = ctx.identity.sub;',
        '  return {',
        "    operation: 'GetItem',",
        '    key: util.dynamodb.toMapValues({ id: ctx.args.id }),',
        '    same: ctx.args === ctx.arguments,',
        '    field: `${ctx.info.parentTypeName}.${ctx.info.fieldName}`,',
        '    header: ctx.request.headers["x-app"],',
        '    now: util.time.nowISO8601(),',
        '  };',
        '}',
        'export const response = (ctx) => ({ ...ctx.result, prev: ctx.prev.result, by: ctx.stash.requestedBy });',
      ].join('\n'),
    );
    expect(module.exports).toEqual(['request', 'response']);
    const ctx = {
      arguments: { id: 'n1' },
      identity: { sub: 'user-1', username: 'alice', claims: {}, sourceIp: ['1.2.3.4'] },
      info: { parentTypeName: 'Query', fieldName: 'note' },
      request: { headers: { 'x-app': 'mobile' } },
    };
    expect(module.request(ctx)).toEqual(
      plain(
        {
          kind: 'result',
          result: { operation: 'GetItem', key: { id: { S: 'n1' } }, same: true, field: 'Query.note', header: 'mobile', now: '2026-01-02T03:04:05.678Z' },
        },
        { stash: { requestedBy: 'user-1' } },
      ),
    );
    expect(module.response({ ...ctx, result: { id: 'n1' }, prev: { result: { p: 1 } }, stash: { requestedBy: 'user-1' } })).toEqual(
      plain({ kind: 'result', result: { id: 'n1', prev: { p: 1 }, by: 'user-1' } }, { stash: { requestedBy: 'user-1' } }),
    );
  });

  it('fills in the parts of ctx the context leaves out', () => {
    // The Context type: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
    const module = load(requestReturning('ctx'));
    expect(module.request({}).outcome).toEqual({
      kind: 'result',
      result: {
        arguments: {},
        args: {},
        identity: null,
        source: null,
        result: null,
        prev: { result: null },
        stash: {},
        outErrors: [],
        request: { headers: {}, domainName: null },
        info: { fieldName: '', parentTypeName: '', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
        env: {},
      },
    });
    expect(module.request({ error: { message: 'Throttled', type: 'DynamoDB:Throttling' }, outErrors: [{ message: 'earlier' }], request: { domainName: 'api.example.com' } }).outcome).toEqual({
      kind: 'result',
      result: {
        arguments: {},
        args: {},
        identity: null,
        source: null,
        result: null,
        error: { message: 'Throttled', type: 'DynamoDB:Throttling' },
        prev: { result: null },
        stash: {},
        outErrors: [{ message: 'earlier' }],
        request: { headers: {}, domainName: 'api.example.com' },
        info: { fieldName: '', parentTypeName: '', variables: {}, selectionSetList: [], selectionSetGraphQL: '' },
        env: {},
      },
    });
  });

  it('captures console calls as EvaluateCode log lines with their position', () => {
    // EvaluateCode logs read `INFO - code.js:13:5: "This request is allowed"`:
    // https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html
    const module = load(
      [
        'export function request(ctx) {',
        "  console.log('plain', { a: 1 }, [2], 3);",
        "    console.error('bad'); console.warn('careful');",
        "  console.debug('dbg'); console.info(undefined, null);",
        '  return null;',
        '}',
        'export function response(ctx) {',
        '  return ctx.result;',
        '}',
      ].join('\n'),
    );
    const sink: string[] = [];
    const logged = new ResolverRuntime({ logSink: (line) => sink.push(line) }).loadResolverModule(
      "export function request(ctx) {\n  console.log('to the sink');\n  return 1;\n}\nexport function response(ctx) {\n  return 2;\n}\n",
    );
    expect(module.request({})).toEqual(
      plain(
        { kind: 'result', result: null },
        {
          logs: [
            'INFO - code.js:2:3: "plain" {"a":1} [2] 3',
            'ERROR - code.js:3:5: "bad"',
            'WARN - code.js:3:27: "careful"',
            'DEBUG - code.js:4:3: "dbg"',
            'INFO - code.js:4:25: undefined null',
          ],
        },
      ),
    );
    expect(logged.request({})).toEqual(plain({ kind: 'result', result: 1 }, { logs: ['INFO - code.js:2:3: "to the sink"'] }));
    expect(sink).toEqual(['INFO - code.js:2:3: "to the sink"']);
  });

  it('reports runtime.earlyReturn with its skipTo option', () => {
    const module = load(
      "import { runtime } from '@aws-appsync/utils';\nexport function request(ctx) {\n  if (ctx.args.skip) runtime.earlyReturn({ cached: true }, { skipTo: 'NEXT' });\n  runtime.earlyReturn(ctx.args.value);\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n",
    );
    expect(module.request({ arguments: { skip: true } })).toEqual(plain({ kind: 'earlyReturn', result: { cached: true }, skipTo: 'NEXT' }));
    expect(module.request({ arguments: { value: 7 } })).toEqual(plain({ kind: 'earlyReturn', result: 7 }));
  });

  it('reports util.error, util.unauthorized and util.appendError', () => {
    const module = load(
      [
        "import { util } from '@aws-appsync/utils';",
        'export function request(ctx) {',
        "  util.appendError('first', 'Warning', { n: 1 });",
        '  const seen = ctx.outErrors.length;',
        "  if (ctx.args.fail) util.error('Note not found', 'NotFound', { id: ctx.args.id }, { hint: 'check id' });",
        '  if (ctx.args.deny) util.unauthorized();',
        '  return seen;',
        '}',
        'export function response(ctx) {',
        '  return ctx.result;',
        '}',
      ].join('\n'),
    );
    const appended = [{ message: 'first', errorType: 'Warning', data: { n: 1 } }];
    expect(module.request({ arguments: {} })).toEqual(plain({ kind: 'result', result: 1 }, { outErrors: appended }));
    expect(module.request({ arguments: { fail: true, id: 'n9' } })).toEqual(
      plain({ kind: 'error', error: { message: 'Note not found', errorType: 'NotFound', data: { id: 'n9' }, errorInfo: { hint: 'check id' } } }, { outErrors: appended }),
    );
    expect(module.request({ arguments: { deny: true }, info: { parentTypeName: 'Query', fieldName: 'note' } })).toEqual(
      plain({ kind: 'error', error: { message: 'Not Authorized to access note on type Query', errorType: 'Unauthorized' } }, { outErrors: appended }),
    );
  });

  it('reports an uncaught runtime error at its position in the original code', () => {
    // AppSync prefixes runtime errors with the position: "code.js:162:13: ReferenceError: …"
    // (https://github.com/aws/aws-appsync-community/issues/328).
    const module = load("export function request(ctx) {\n  return ctx.args.list.map((x) => x.name.first);\n}\nexport const response = (ctx) => ctx.result.missing.deep;\n");
    expect(module.request({ arguments: { list: [{ name: { first: 'a' } }, {}] } })).toEqual(
      plain({ kind: 'runtimeError', message: "code.js:2:42: TypeError: Cannot read properties of undefined (reading 'first')", location: { line: 2, column: 42 } }),
    );
    expect(module.response({ result: {} })).toEqual(
      plain({ kind: 'runtimeError', message: "code.js:4:53: TypeError: Cannot read properties of undefined (reading 'deep')", location: { line: 4, column: 53 } }),
    );
  });

  it('parses XML through the host bridge, and re-raises its errors inside the sandbox', () => {
    const module = load(requestReturning('util.xml.toMap(ctx.args.xml)'));
    expect([module.request({ arguments: { xml: '<note><id>7</id></note>' } }).outcome, module.request({ arguments: { xml: '<note>' } }).outcome]).toEqual([
      { kind: 'result', result: { note: { id: 7 } } },
      {
        kind: 'runtimeError',
        message: "code.js:3:19: Error: Malformed XML at line 1, column 1: Unclosed tag 'note'.",
        location: { line: 3, column: 19 },
      },
    ]);
  });

  it('records extensions calls and response headers', () => {
    const module = load(
      requestReturning(
        "(extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ spaceId: { eq: 's1' } })), extensions.invalidateSubscriptions({ subscriptionField: 'onNoteChanged', payload: { id: 'n1' } }), extensions.evictFromApiCache('Query', 'note', { 'context.arguments.id': 'n1' }), util.http.addResponseHeader('x-outpost', 'yes'), 'ok')",
      ),
    );
    expect(module.request({})).toEqual(
      plain(
        { kind: 'result', result: 'ok' },
        {
          subscriptionFilter: { filterGroup: [{ filters: [{ fieldName: 'spaceId', operator: 'eq', value: 's1' }] }] },
          invalidations: [{ subscriptionField: 'onNoteChanged', payload: { id: 'n1' } }],
          cacheEvictions: [{ typeName: 'Query', fieldName: 'note', keys: { 'context.arguments.id': 'n1' } }],
          responseHeaders: { 'x-outpost': 'yes' },
        },
      ),
    );
  });

  it('derives util.authType() from the identity, or takes the auth mode it is given', () => {
    const module = load(requestReturning('util.authType()'));
    const authType = (ctx: object, authMode?: 'OPENID_CONNECT') => module.request(ctx, { authMode }).outcome;
    expect([
      authType({ identity: null }),
      authType({ identity: { sub: 'u', username: 'u', claims: {}, sourceIp: [] } }),
      authType({ identity: { accountId: '123', cognitoIdentityPoolId: 'p' } }),
      authType({ identity: { resolverContext: { tenant: 't' } } }),
      authType({ identity: null }, 'OPENID_CONNECT'),
    ]).toEqual([
      { kind: 'result', result: 'API Key Authorization' },
      { kind: 'result', result: 'User Pool Authorization' },
      { kind: 'result', result: 'IAM Authorization' },
      { kind: 'result', result: 'Lambda Authorization' },
      { kind: 'result', result: 'Open ID Connect Authorization' },
    ]);
  });

  it('stops a handler that exceeds the CPU budget', () => {
    const runtime = new ResolverRuntime({ budgetMs: 100 });
    const forOf = load(requestReturning('(() => { let n = 0; const list = new Array(1e6).fill(1); for (const a of list) { for (const b of list) { n = n + a * b; } } return n; })()'), runtime);
    const callbacks = load(requestReturning('new Array(1e4).fill(0).map(() => new Array(1e4).fill(0).map(() => new Array(1e4).fill(0).reduce((a, b) => a + b, 0)))'), runtime);
    const started = Date.now();
    expect([forOf.request({}), callbacks.request({})]).toEqual([
      plain({ kind: 'timeout', message: 'Execution exceeded the 100 ms CPU budget.' }),
      plain({ kind: 'timeout', message: 'Execution exceeded the 100 ms CPU budget.' }),
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
    // The module still works after a timeout.
    expect(load(requestReturning('ctx.args.n'), runtime).request({ arguments: { n: 2 } })).toEqual(plain({ kind: 'result', result: 2 }));
  });

  it('stops a module whose top level never finishes', () => {
    const code = 'const list = new Array(1e6).fill(1);\nfor (const a of list) { for (const b of list) { list[0] = a + b; } }\nexport function request(ctx) {\n  return 1;\n}\nexport function response(ctx) {\n  return 1;\n}\n';
    expect(() => load(code, new ResolverRuntime({ budgetMs: 100 }))).toThrow(new ResolverLoadError("code.js: the module's top level exceeded the 100 ms CPU budget."));
  });

  it('loads the same code once and isolates different modules', () => {
    const runtime = new ResolverRuntime();
    const code = 'let calls = 0;\nexport function request(ctx) {\n  calls = calls + 1;\n  return calls;\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n';
    const first = runtime.loadResolverModule(code);
    const second = runtime.loadResolverModule(code);
    const other = runtime.loadResolverModule(`${code}// another module\n`);
    expect(second).toBe(first);
    expect(runtime.compiledModules).toBe(2);
    expect([first.request({}).outcome, second.request({}).outcome, other.request({}).outcome]).toEqual([
      { kind: 'result', result: 1 },
      { kind: 'result', result: 2 },
      { kind: 'result', result: 1 },
    ]);
  });

  it('refuses code that fails validation, with its code errors', () => {
    const code = 'export function request(ctx) {\n  throw ctx;\n}\nexport function response(ctx) {\n  return 1;\n}\n';
    expect(() => load(code)).toThrow(
      new CodeValidationError([{ errorType: 'LINT_ERROR', value: 'throw statements are not supported.', location: { line: 2, column: 3, span: 10 } }]),
    );
  });

  it('caps the size of a handler output', () => {
    const runtime = new ResolverRuntime({ maxOutputBytes: 1000 });
    // Output that certainly passes the cap is refused before it is serialized...
    expect(load(requestReturning("'x'.repeat(2000)"), runtime).request({})).toEqual(
      plain({ kind: 'outputTooLarge', message: "The request handler's output exceeds the limit of 1000 bytes." }),
    );
    // Without an option the cap is 5 MB.
    expect(load(requestReturning('"x".repeat(6 * 1024 * 1024)')).request({})).toEqual(
      plain({ kind: 'outputTooLarge', message: "The request handler's output exceeds the limit of 5242880 bytes." }),
    );
    // ...and output that passes it only in UTF-8 bytes is measured once serialized.
    expect(load(requestReturning("'€'.repeat(350)"), runtime).request({})).toEqual(
      plain({ kind: 'outputTooLarge', message: "The request handler's output is 1090 bytes; the limit is 1000 bytes." }),
    );
  });

  it('reports output that is not JSON', () => {
    expect(load(requestReturning('(() => { const a = {}; a.self = a; return a; })()')).request({})).toEqual(
      plain({
        kind: 'runtimeError',
        message: "The handler's output is not JSON: TypeError: Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'self' closes the circle",
      }),
    );
  });

  it('lacks the static built-ins APPSYNC_JS does not implement', () => {
    // @aws-appsync/eslint-plugin's no-disallowed-methods list; AWS's supported-features page lists only
    // assign, entries, hasOwn, keys and values for Object, and String.raw as supported
    // (https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html).
    const probe = load(
      requestReturning(
        '[Object.freeze, Object.getPrototypeOf, Object.setPrototypeOf, Object.defineProperty, Object.create, Array.from, [].constructor.of, String.fromCharCode, String.raw, Object.assign, Object.hasOwn].map((f) => typeof f)',
      ),
    );
    const call = load(requestReturning('Object.freeze(ctx.args)'));
    expect([probe.request({}).outcome, call.request({}).outcome]).toEqual([
      { kind: 'result', result: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'function', 'function', 'function'] },
      { kind: 'runtimeError', message: 'code.js:3:17: TypeError: Object.freeze is not a function', location: { line: 3, column: 17 } },
    ]);
  });

  describe('runaway code', () => {
    // Each of these is one native call that the budget checks in resolver code cannot interrupt.
    it.each([
      ['a huge array filled at once', 'Array(1e8).fill(0).length', 10, 'RangeError: Array length 100000000 exceeds the sandbox limit of 1000000 elements.'],
      ['a huge array spread at once', '[...new Array(3e7)].length', 14, 'RangeError: Array length 30000000 exceeds the sandbox limit of 1000000 elements.'],
      [
        'a sparse array spread at once',
        '(() => { const list = []; list.length = 3e7; return [...list].length; })()',
        66,
        'RangeError: Array length 30000000 exceeds the sandbox limit of 1000000 elements.',
      ],
      ['an array method borrowed by a huge array-like', 'Array.prototype.indexOf.call({ length: 2 ** 52 }, 1)', 34, 'RangeError: Array length 4503599627370496 exceeds the sandbox limit of 1000000 elements.'],
      ['a string repeated into gigabytes', "'x'.repeat(2 ** 28).length", 14, 'RangeError: String.prototype.repeat would build 268435456 characters; the sandbox limit is 16777216.'],
      [
        'a sparse array stringified at once',
        '(() => { const list = []; list.length = 5e7; return JSON.stringify(list).length; })()',
        67,
        'RangeError: JSON.stringify would build more than 16777216 characters, the sandbox limit.',
      ],
      ['a string padded into gigabytes', "'x'.padStart(2 ** 28).length", 14, 'RangeError: String.prototype.padStart would build 268435456 characters; the sandbox limit is 16777216.'],
    ])('stops %s with a clear error', (_name, expression, column, message) => {
      expect(load(requestReturning(expression)).request({})).toEqual(plain({ kind: 'runtimeError', message: `code.js:3:${column}: ${message}`, location: { line: 3, column } }));
    });

    it('refuses a sparse array too large to serialize without serializing it', () => {
      const started = Date.now();
      expect(load(requestReturning('(() => { const list = []; list.length = 5e7; return list; })()')).request({})).toEqual(
        plain({ kind: 'outputTooLarge', message: "The request handler's output exceeds the limit of 5242880 bytes." }),
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('stops a handler whose allocations grow the heap past its memory budget', () => {
      const runtime = new ResolverRuntime({ budgetMs: 20_000, maxHeapGrowthBytes: 64 * 1024 * 1024 });
      const module = load(requestReturning('(() => { const keep = []; for (const n of Array(200).fill(0)) { keep.push(Array(1e6).fill(n)); } return keep.length; })()'), runtime);
      expect(module.request({})).toEqual(plain({ kind: 'runtimeError', message: 'Execution exceeded the memory budget: the heap grew by more than 67108864 bytes.' }));
      // The next evaluation starts with a fresh allowance.
      expect(module.response({ result: 1 })).toEqual(plain({ kind: 'result', result: 1 }));
    });

    it('caps the characters a handler may log', () => {
      const runtime = new ResolverRuntime({ maxOutputBytes: 1000 });
      const line = `INFO - code.js:3:5: "x${'.'.repeat(399)}"`;
      const code = "export function request(ctx) {\n  for (const n of [1, 2, 3]) {\n    console.log('x'.padEnd(400, '.'));\n  }\n  return 1;\n}\nexport function response(ctx) {\n  return 1;\n}\n";
      expect(load(code, runtime).request({})).toEqual(
        plain(
          { kind: 'runtimeError', message: 'code.js:3:13: RangeError: The evaluation logged more than 1000 characters.', location: { line: 3, column: 13 } },
          { logs: [line, line] },
        ),
      );
    });

    it('ends a catastrophically backtracking util.matches search', () => {
      // V8's linear-time fallback answers the first (sandbox/regexp-backtracking.ts); the case-insensitive
      // one it cannot run, so the host's watchdog ends it (sandbox/regex-bridge.ts).
      const runtime = new ResolverRuntime({ budgetMs: 200 });
      const linear = load(requestReturning("[util.matches('(a+)+', 'a'.repeat(40) + 'b'), util.matches('(a+)+', 'a'.repeat(40))]"), runtime);
      const stopped = load(requestReturning("util.matches('(?i)(a+)+', 'a'.repeat(40) + 'b')"), runtime);
      const started = Date.now();
      expect([linear.request({}), stopped.request({})]).toEqual([
        plain({ kind: 'result', result: [false, true] }),
        plain({ kind: 'runtimeError', message: 'code.js:3:15: Error: util.matches: the search ran past 200 ms on a value of 41 characters.', location: { line: 3, column: 15 } }),
      ]);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe('isolation', () => {
    // Each probe must fail, or see nothing of the host.
    const noCodeGeneration = 'EvalError: Code generation from strings disallowed for this context';
    it.each([
      ['the Function constructor reached from ctx', "ctx.constructor.constructor('return process')()", 26, noCodeGeneration],
      ['the Function constructor reached from a util function', "util.time.nowISO8601.constructor('return process')()", 31, noCodeGeneration],
      ['the Function constructor reached from an arrow function', "(() => 1).constructor('return process')()", 20, noCodeGeneration],
      ['Function reached through globalThis', "globalThis['Func' + 'tion']('return process')()", 37, noCodeGeneration],
      [
        'Error.prepareStackTrace',
        'Error.prepareStackTrace = (error, frames) => frames',
        34,
        "TypeError: Cannot assign to read only property 'prepareStackTrace' of function 'function Error() { [native code] }'",
      ],
    ])('blocks %s', (_name, expression, column, message) => {
      expect(load(requestReturning(expression)).request({}).outcome).toEqual({ kind: 'runtimeError', message: `code.js:3:${column}: ${message}`, location: { line: 3, column } });
    });

    it('refuses dynamic import, which would hand out a promise rejected with a host error', () => {
      expect(() => load(requestReturning("import('node:fs').catch((e) => e.constructor.constructor('return process')())"))).toThrow(
        new CodeValidationError([{ errorType: 'LINT_ERROR', value: 'Dynamic import() is not supported.', location: { line: 3, column: 10, span: 17 } }]),
      );
    });

    it('reports the outcome with its own JSON, whatever resolver code does to the global one', () => {
      const code = "JSON.parse = () => ({ arguments: { forged: true } });\nexport function request(ctx) {\n  JSON.stringify = () => '{not json';\n  return ctx.args;\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n";
      expect(load(code).request({ arguments: { id: 'n1' } })).toEqual(plain({ kind: 'result', result: { id: 'n1' } }));
    });

    it('fails the evaluation, not the host, when resolver code breaks what reporting relies on', () => {
      const code = "export function request(ctx) {\n  TypeError.prototype.__defineGetter__('name', () => ctx.missing.x);\n  return ctx.missing.y;\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n";
      expect(load(code).request({})).toEqual(
        plain({ kind: 'runtimeError', message: "The request handler's outcome could not be reported: Cannot read properties of undefined (reading 'x')" }),
      );
    });

    it('shows resolver code stack traces without the host frames behind them', () => {
      expect(load(requestReturning("new Error('where').stack")).request({}).outcome).toEqual({ kind: 'result', result: 'Error: where\n    at request (code.js:3:10)' });
    });

    it('exposes no host globals, timers, promises or runtime internals', () => {
      const probe = requestReturning(
        "[typeof process, typeof require, typeof setTimeout, typeof queueMicrotask, typeof Promise, typeof WebAssembly, typeof globalThis.fetch, Reflect.ownKeys(globalThis).filter((name) => String(name).startsWith('__')).length]",
      );
      expect(load(probe).request({}).outcome).toEqual({ kind: 'result', result: ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined', 0] });
    });
  });
});
