import { evaluateCode, EvaluateCodeRequestError, type EvaluateCodeInput } from './evaluate-code';

const runtime = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } as const;

// The Dog example of "Testing and debugging resolvers in AWS AppSync (JavaScript)",
// https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html: AWS shows
// evaluate-code answering { evaluationResult, logs: ['INFO - code.js:13:5: "This request is allowed"'] }.
const dogCode = `import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ id: util.autoId() }),
    attributeValues: util.dynamodb.toMapValues(ctx.args),
  };
}

export function response(ctx) {
  if (ctx.identity.username === 'Nadia') {
    console.log("This request is allowed")
    return ctx.result;
  }
  util.unauthorized();
}
`;

const dogContext = (username: string) =>
  JSON.stringify({
    arguments: { firstname: 'Shaggy', age: 4 },
    source: {},
    result: { breed: 'Miniature Schnauzer', color: 'black_grey' },
    identity: { sub: 'uuid', issuer: ' https://cognito-idp.{region}.amazonaws.com/{userPoolId}', username, claims: {}, sourceIp: ['x.x.x.x'], defaultAuthStrategy: 'ALLOW' },
  });

const evaluate = (input: Partial<EvaluateCodeInput>) => evaluateCode({ code: dogCode, context: dogContext('Nadia'), function: 'response', runtime, ...input });

describe('evaluateCode', () => {
  it("returns AWS's documented answer for the Dog example", () => {
    expect(evaluate({})).toEqual({
      evaluationResult: '{"breed":"Miniature Schnauzer","color":"black_grey"}',
      logs: ['INFO - code.js:13:5: "This request is allowed"'],
      stash: '{}',
      outErrors: '[]',
    });
  });

  it('answers a Query request and its response as recorded from EvaluateCode, util used without an import', () => {
    // localstack/appsync-utils: __tests__/resolvers.test.js ("dynamodb resolvers", "something") and
    // its recorded results in __tests__/__snapshots__/resolvers.test.js.snap.
    const code = `export function request(ctx) {
  return {
    operation: "Query",
    index: "nameIndex",
    select: "ALL_ATTRIBUTES",
    query: {
      expression: "#name = :name",
      expressionNames: { "#name": "name" },
      expressionValues: { ":name": util.dynamodb.toDynamoDB(ctx.arguments.filter.line) },
    },
    filter: {
      expression: "#shift = :shift",
      expressionNames: { "#shift": "shift" },
      expressionValues: { ":shift": util.dynamodb.toDynamoDB(ctx.arguments.filter.shift) },
    },
  };
}

export function response(ctx) {
  return ctx.result.items;
}
`;
    const request = evaluateCode({ code, context: JSON.stringify({ arguments: { filter: { line: 'test', shift: 10 } } }), function: 'request', runtime });
    const response = evaluateCode({ code, context: JSON.stringify({ result: { items: [{ a: 10 }] } }), function: 'response', runtime });
    expect([request, response].map((output) => ({ ...output, evaluationResult: JSON.parse(output.evaluationResult ?? 'null') }))).toEqual([
      {
        evaluationResult: {
          filter: { expression: '#shift = :shift', expressionNames: { '#shift': 'shift' }, expressionValues: { ':shift': { N: 10 } } },
          index: 'nameIndex',
          operation: 'Query',
          query: { expression: '#name = :name', expressionNames: { '#name': 'name' }, expressionValues: { ':name': { S: 'test' } } },
          select: 'ALL_ATTRIBUTES',
        },
        logs: [],
        stash: '{}',
        outErrors: '[]',
      },
      { evaluationResult: [{ a: 10 }], logs: [], stash: '{}', outErrors: '[]' },
    ]);
  });

  it('reports util.unauthorized as the error', () => {
    expect(evaluate({ context: dogContext('Shaggy') })).toEqual({ error: { message: 'Unauthorized' }, logs: [], stash: '{}', outErrors: '[]' });
  });

  it('evaluates the request handler by default', () => {
    const code = "export function request(ctx) {\n  ctx.stash.n = ctx.args.n;\n  return { doubled: ctx.args.n * 2 };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n";
    expect(evaluateCode({ code, context: '{"arguments":{"n":21}}', runtime })).toEqual({ evaluationResult: '{"doubled":42}', logs: [], stash: '{"n":21}', outErrors: '[]' });
  });

  it('returns code errors the way AppSync does', () => {
    expect(evaluate({ code: 'export function request(ctx) {\n  while (true) {}\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n' })).toEqual({
      error: {
        message: 'The code contains one or more errors.',
        codeErrors: [{ errorType: 'LINT_ERROR', value: 'While statements are not supported.', location: { line: 2, column: 3, span: 15 } }],
      },
      logs: [],
    });
  });

  it('returns runtime errors with their position', () => {
    expect(evaluate({ code: 'export function request(ctx) {\n  return 1;\n}\nexport function response(ctx) {\n  return ctx.result.owner.name;\n}\n' })).toEqual({
      error: { message: "code.js:5:27: TypeError: Cannot read properties of undefined (reading 'name')" },
      logs: [],
      stash: '{}',
      outErrors: '[]',
    });
  });

  it('explains a context that is not a JSON object', () => {
    const explained = (message: string) => ({ error: { message }, logs: [], stash: '{}', outErrors: '[]' });
    expect([evaluate({ context: '{arguments: 1}' }), evaluate({ context: '[1, 2]' })]).toEqual([
      explained("The context is not valid JSON: Expected property name or '}' in JSON at position 1"),
      explained('The context must be a JSON object.'),
    ]);
  });

  it('refuses a context longer than EvaluateCode accepts', () => {
    // EvaluateCode's context: "Minimum length of 2. Maximum length of 28000."
    // https://docs.aws.amazon.com/appsync/latest/APIReference/API_EvaluateCode.html
    const context = JSON.stringify({ arguments: { text: 'x'.repeat(28000) } });
    expect(() => evaluate({ context })).toThrow(new EvaluateCodeRequestError('context must be JSON text of 2 to 28000 characters; received 28025 characters.'));
  });

  it('refuses a request with another runtime or handler', () => {
    expect(() => evaluate({ runtime: { name: 'APPSYNC_JS', runtimeVersion: '2.0.0' } as unknown as EvaluateCodeInput['runtime'] })).toThrow(
      new EvaluateCodeRequestError(`runtime must be { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' }; received {"name":"APPSYNC_JS","runtimeVersion":"2.0.0"}.`),
    );
    expect(() => evaluate({ function: 'handler' as EvaluateCodeInput['function'] })).toThrow(
      new EvaluateCodeRequestError(`function must be 'request' or 'response'; received "handler".`),
    );
  });
});
