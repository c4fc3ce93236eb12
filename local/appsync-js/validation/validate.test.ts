import { validateResolverCode, MAX_CODE_LENGTH } from './validate';

// What APPSYNC_JS rejects: "Supported runtime features",
// https://docs.aws.amazon.com/appsync/latest/devguide/supported-features.html — unary ++, -- and ~,
// the in operator, catch/finally/try, continue, do-while, for(;;), throw, while, labeled
// statements. The rest (classes, async, generators, this, regex literals, instanceof, Promise,
// ctx re-assignment) are the base rules of @aws-appsync/eslint-plugin, which AWS publishes for it.
// Error shape: CodeError / CodeErrorLocation in the AppSync API reference,
// https://docs.aws.amazon.com/appsync/latest/APIReference/API_CodeError.html

/** A resolver whose request handler body is `body`, starting on line 2. */
const resolver = (body: string): string =>
  `export function request(ctx) {\n${body}\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

const lint = (value: string, line: number, column: number, span: number) => [{ errorType: 'LINT_ERROR', value, location: { line, column, span } }];

describe('validateResolverCode', () => {
  it('accepts a resolver that uses only supported features', () => {
    const code = [
      "import { util } from '@aws-appsync/utils';",
      "import * as ddb from '@aws-appsync/utils/dynamodb';",
      'export function request(ctx) {',
      '  const ids = [];',
      '  for (const item of ctx.args.items ?? []) {',
      '    if (Object.hasOwn(item, "id")) ids.push(item.id);',
      '  }',
      '  ctx.stash.ids = ids;',
      '  return ddb.get({ key: { id: util.autoId() } });',
      '}',
      'const response = (ctx) => ctx.result;',
      'export { response };',
    ].join('\n');
    expect(validateResolverCode(code)).toEqual([]);
  });

  it.each([
    ['++', '  let i = 0;\n  i++;\n  return i;', lint('The operator ++ is not supported', 3, 3, 3)],
    ['--', '  let i = 0;\n  --i;\n  return i;', lint('The operator -- is not supported', 3, 3, 3)],
    ['~', '  return ~ctx.args.n;', lint('The operator ~ is not supported', 2, 10, 11)],
    ['for(;;)', '  for (let i = 0; i < 3; i = i + 1) {}\n  return 1;', lint('For statements are not supported.', 2, 3, 36)],
    ['while', '  while (ctx.args.x) {}\n  return 1;', lint('While statements are not supported.', 2, 3, 21)],
    ['do-while', '  do {} while (ctx.args.x);\n  return 1;', lint('do...while statements are not supported.', 2, 3, 25)],
    ['continue', '  for (const x of ctx.args.list) {\n    continue;\n  }\n  return 1;', lint('Continue statements are not supported', 3, 5, 9)],
    ['labels', '  outer: for (const x of ctx.args.list) {\n    break outer;\n  }\n  return 1;', lint('Labeled statements are not supported.', 2, 3, 60)],
    ['throw', "  throw new Error('no');", lint('throw statements are not supported.', 2, 3, 22)],
    ['try/finally', '  try {\n    return 1;\n  } finally {\n    ctx.stash.x = 1;\n  }', lint('Try statements are not supported.', 2, 3, 58)],
    ['in', "  return 'id' in ctx.args;", lint('in operator is not supported. Use Object.hasOwn().', 2, 10, 16)],
    ['instanceof', '  return ctx.args instanceof Object;', lint('The operator instanceof is not supported', 2, 10, 26)],
    ['regex literal', '  return /a+/.test(ctx.args.s);', lint('Regex literals are not supported.', 2, 10, 4)],
    ['eval', "  return eval('1');", lint('eval is not supported.', 2, 10, 9)],
    ['Function', "  return Function('return 1')();", lint('Function is not supported.', 2, 10, 20)],
    ['import()', "  return import('node:fs');", lint('Dynamic import() is not supported.', 2, 10, 17)],
    ['import.meta', '  return import.meta.url;', lint('import.meta is not supported.', 2, 10, 11)],
    ['new Promise', '  return new Promise((resolve) => resolve(1));', lint('Promise is not supported', 2, 10, 36)],
    ['class', '  class A {}\n  return A;', lint('Class declarations are not supported.', 2, 3, 10)],
    ['async', '  const f = async () => 1;\n  return f;', lint('Async functions are not supported.', 2, 13, 13)],
    ['generator', '  function* g() {}\n  return g;', lint('Generator functions are not supported.', 2, 3, 16)],
    ['this', '  return this;', lint('This expressions are not supported.', 2, 10, 4)],
    ['ctx re-assignment', '  ctx = {};\n  return ctx;', lint('ctx is readonly and re-assignment is not supported.', 2, 3, 3)],
    ['ctx property assignment', '  ctx.result = 1;\n  return ctx;', lint('ctx is readonly. Adding/Updating result is not supported.', 2, 3, 10)],
    ['direct recursion', '  const f = (n) => (n > 0 ? f(n - 1) : 0);\n  return f(3);', lint('Recursive function calls are not supported: f calls itself.', 2, 29, 8)],
    [
      'reserved names',
      '  const __outpost_x = 1;\n  return __outpost_x;',
      [
        ...lint('Identifiers starting with __outpost are reserved by the runtime.', 2, 9, 11),
        ...lint('Identifiers starting with __outpost are reserved by the runtime.', 3, 10, 11),
      ],
    ],
  ])('rejects %s with its position', (_name, body, expected) => {
    expect(validateResolverCode(resolver(body))).toEqual(expected);
  });

  it('reports syntax errors as PARSER_ERROR with the position', () => {
    expect(validateResolverCode('export function request(ctx) {\n  return "abc;\n}\n')).toEqual([
      { errorType: 'PARSER_ERROR', value: 'Parsing error: Unterminated string constant', location: { line: 2, column: 10, span: 5 } },
    ]);
    expect(validateResolverCode('export function request(ctx) {\n  return ctx.;\n}\n')).toEqual([
      { errorType: 'PARSER_ERROR', value: 'Parsing error: Unexpected token', location: { line: 2, column: 14, span: 1 } },
    ]);
  });

  it('requires both a request and a response export', () => {
    expect(validateResolverCode('export function request(ctx) {\n  return 1;\n}\n')).toEqual([
      { errorType: 'MODULE_ERROR', value: 'The code must export a response function.', location: { line: 0, column: 0, span: -1 } },
    ]);
  });

  it('allows only the @aws-appsync/utils modules and named exports', () => {
    const code = [
      "import _ from 'lodash';",
      "import def from '@aws-appsync/utils';",
      "export * from '@aws-appsync/utils';",
      'export default function request() {}',
      "export { x as response } from './x';",
    ].join('\n');
    const unknown = { line: 0, column: 0, span: -1 };
    expect(validateResolverCode(code)).toEqual([
      { errorType: 'MODULE_ERROR', value: "Cannot import 'lodash': only @aws-appsync/utils and @aws-appsync/utils/dynamodb can be imported.", location: { line: 1, column: 1, span: 23 } },
      { errorType: 'MODULE_ERROR', value: "'@aws-appsync/utils' has no default export.", location: { line: 2, column: 8, span: 3 } },
      { errorType: 'MODULE_ERROR', value: 'Re-exporting from another module is not supported.', location: { line: 3, column: 1, span: 35 } },
      { errorType: 'MODULE_ERROR', value: 'Default exports are not supported: export request and response by name.', location: { line: 4, column: 1, span: 36 } },
      { errorType: 'MODULE_ERROR', value: 'Re-exporting from another module is not supported.', location: { line: 5, column: 1, span: 36 } },
      { errorType: 'MODULE_ERROR', value: 'The code must export a request function.', location: unknown },
      { errorType: 'MODULE_ERROR', value: 'The code must export a response function.', location: unknown },
    ]);
  });

  it('rejects code longer than EvaluateCode accepts', () => {
    // EvaluateCode's code field: "Maximum length of 32768",
    // https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html
    const code = resolver(`  return ${JSON.stringify('x'.repeat(MAX_CODE_LENGTH))};`);
    expect(validateResolverCode(code)).toEqual([
      { errorType: 'CODE_SIZE_ERROR', value: `Code is ${code.length} characters long; the limit is 32768.`, location: { line: 0, column: 0, span: -1 } },
    ]);
  });
});
