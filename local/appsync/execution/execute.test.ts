import { buildAppSyncSchema } from '../../../schema/validate';
import { ResolverRuntime } from '../../appsync-js/sandbox/resolver-module';
import { NoneDataSource } from '../../datasources/none/none-data-source';
import { withAwsScalars } from '../scalars/with-aws-scalars';
import { executeAppSync } from './execute';
import type { CallerContext, DataSource, DataSourceOutcome, ExecutionLimits, ResolverTable } from './types';

const SDL = `
  type Query {
    note(id: ID!): Note
    notes: [Note!]!
    echo(text: String): String
    failing: String
    appended: String
    dsError: String
    dsErrorRaised: String
    crash: String
    slow: String
    info(limit: Int): Note
    nested: Level
  }
  type Note { id: ID! title: String author: Author tags: [String] }
  type Author { id: ID! name: String }
  type Level { value: String next: Level }
`;

const schema = withAwsScalars(buildAppSyncSchema(SDL));

const caller: CallerContext = {
  identity: { sub: 'user-1', username: 'alice', claims: { sub: 'user-1' }, sourceIp: ['127.0.0.1'], defaultAuthStrategy: 'ALLOW', groups: null, issuer: 'https://issuer' },
  authMode: 'AMAZON_COGNITO_USER_POOLS',
  headers: { 'x-app': 'mobile' },
  domainName: null,
};

/** A data source that records what it was asked and answers from a function. */
function recording(answer: (request: unknown) => DataSourceOutcome) {
  const requests: unknown[] = [];
  const dataSource: DataSource = {
    async invoke(request) {
      requests.push(request);
      return answer(request);
    },
  };
  return { requests, dataSource };
}

const unit = (code: string, dataSource = 'none') => ({ kind: 'UNIT' as const, code, dataSource });
const passThrough = `export function request(ctx) { return { payload: ctx.args }; }\nexport function response(ctx) { return ctx.result; }`;

interface RunOptions {
  variables?: Record<string, unknown>;
  limits?: ExecutionLimits;
  dataSources?: Record<string, DataSource>;
  runtime?: ResolverRuntime;
  caller?: CallerContext;
  env?: Record<string, string>;
}

function run(resolvers: ResolverTable, query: string, options: RunOptions = {}) {
  return executeAppSync(
    schema,
    { runtime: options.runtime ?? new ResolverRuntime({ now: () => 0 }), resolvers, dataSources: { none: new NoneDataSource(), ...options.dataSources }, limits: options.limits, env: options.env },
    options.caller ?? caller,
    { query, variables: options.variables ?? null, operationName: null },
  );
}

describe('unit resolvers', () => {
  it('runs request, data source and response, and resolves nested fields from ctx.source', async () => {
    const ds = recording((request) => ({ result: { id: (request as { key: { id: string } }).key.id, title: 'Hello', authorId: 'a1' } }));
    const resolvers: ResolverTable = {
      'Query.note': unit(`export function request(ctx) { ctx.stash.asked = ctx.args.id; return { key: { id: ctx.args.id } }; }\nexport function response(ctx) { return { ...ctx.result, title: ctx.result.title + ' ' + ctx.stash.asked }; }`, 'notes'),
      'Note.author': unit(`export function request(ctx) { return { payload: { id: ctx.source.authorId, name: ctx.request.headers['x-app'] } }; }\nexport function response(ctx) { return ctx.result; }`),
    };
    const response = await run(resolvers, '{ note(id: "n1") { id title author { id name } tags } }', { dataSources: { notes: ds.dataSource } });
    expect(response).toEqual({ data: { note: { id: 'n1', title: 'Hello n1', author: { id: 'a1', name: 'mobile' }, tags: null } } });
    expect(ds.requests).toEqual([{ key: { id: 'n1' } }]);
  });

  it('gives handlers the API’s environment variables as ctx.env', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/environment-variables.html
    const resolvers: ResolverTable = { 'Query.echo': unit(`export function request(ctx) { return { payload: ctx.env.STAGE + '/' + ctx.env.TABLE }; }\nexport function response(ctx) { return ctx.result; }`) };
    expect(await run(resolvers, '{ echo }', { env: { STAGE: 'local', TABLE: 'Notes' } })).toEqual({ data: { echo: 'local/Notes' } });
  });

  it('passes an argument bound to an unsupplied variable as null', async () => {
    // AppSync's behaviour for JavaScript resolvers, as reported in aws/aws-appsync-community#348.
    const resolvers: ResolverTable = { 'Query.echo': unit(`export function request(ctx) { return { payload: JSON.stringify(ctx.args) }; }\nexport function response(ctx) { return ctx.result; }`) };
    expect(await run(resolvers, 'query Q($t: String) { a: echo(text: $t) b: echo }')).toEqual({ data: { a: '{"text":null}', b: '{}' } });
  });

  it('builds ctx.info with the selection set list and text, expanding fragments', async () => {
    const resolvers: ResolverTable = {
      'Query.info': unit(`export function request(ctx) { return { payload: { id: 'i', title: JSON.stringify(ctx.info) } }; }\nexport function response(ctx) { return ctx.result; }`),
    };
    const query = `query Q($limit: Int) { info(limit: $limit) { id heading: title ... on Note { author { name } } ...more } }
fragment more on Note { tags }`;
    const response = await run(resolvers, query, { variables: { limit: 3 } });
    // ctx.info's shape: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html (Info).
    expect(JSON.parse((response.data as { info: { heading: string } }).info.heading)).toEqual({
      fieldName: 'info',
      parentTypeName: 'Query',
      variables: { limit: 3 },
      selectionSetList: ['id', 'heading', 'author', 'author/name', 'tags'],
      selectionSetGraphQL: '{\n  id\n  heading: title\n  ... on Note {\n    author {\n      name\n    }\n  }\n  ... on Note {\n    tags\n  }\n}',
    });
  });

  it('turns util.error into a field error with errorType, data, errorInfo, path and locations', async () => {
    const resolvers: ResolverTable = {
      'Query.failing': unit(`import { util } from '@aws-appsync/utils';\nexport function request(ctx) { util.error('No way', 'Custom', { a: 1 }, { b: 2 }); }\nexport function response(ctx) { return ctx.result; }`),
    };
    expect(await run(resolvers, '{\n  failing\n}')).toEqual({
      data: { failing: null },
      errors: [{ path: ['failing'], data: { a: 1 }, errorType: 'Custom', errorInfo: { b: 2 }, locations: [{ line: 2, column: 3, sourceName: null }], message: 'No way' }],
    });
  });

  it('keeps the value of a field that calls util.appendError', async () => {
    const resolvers: ResolverTable = {
      'Query.appended': unit(`import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return { payload: 'kept' }; }\nexport function response(ctx) { util.appendError('Partial', 'Warning'); return ctx.result; }`),
    };
    expect(await run(resolvers, '{ appended }')).toEqual({
      data: { appended: 'kept' },
      errors: [{ path: ['appended'], data: null, errorType: 'Warning', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'Partial' }],
    });
  });

  it('reports a data source error only when the response handler raises ctx.error', async () => {
    // AppSync hands a data source error to the response handler as ctx.error and reports nothing
    // unless the handler raises it; the AppSync Lambda tutorial raises it with
    // util.appendError(error.message, error.type, result)
    // (https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html).
    const failing = recording(() => ({ error: { message: 'Throttled', type: 'DynamoDB:ProvisionedThroughputExceededException' } }));
    const resolvers: ResolverTable = {
      'Query.dsError': unit(passThrough, 'failing'),
      'Query.dsErrorRaised': unit(`import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return {}; }\nexport function response(ctx) { if (ctx.error) { util.error(ctx.error.message, ctx.error.type); } return ctx.result; }`, 'failing'),
    };
    expect(await run(resolvers, '{ dsError dsErrorRaised }', { dataSources: { failing: failing.dataSource } })).toEqual({
      data: { dsError: null, dsErrorRaised: null },
      errors: [
        { path: ['dsErrorRaised'], data: null, errorType: 'DynamoDB:ProvisionedThroughputExceededException', errorInfo: null, locations: [{ line: 1, column: 11, sourceName: null }], message: 'Throttled' },
      ],
    });
  });

  it('hands the response handler both ctx.error and ctx.result when the data source gives both', async () => {
    const conflict = recording(() => ({ error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' }, result: { id: 'n1', title: 'current' } }));
    const resolvers: ResolverTable = {
      'Query.note': unit(`import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return {}; }\nexport function response(ctx) { util.appendError(ctx.error.message, ctx.error.type); return ctx.result; }`, 'conflict'),
    };
    expect(await run(resolvers, '{ note(id: "n1") { id title } }', { dataSources: { conflict: conflict.dataSource } })).toEqual({
      data: { note: { id: 'n1', title: 'current' } },
      errors: [
        { path: ['note'], data: null, errorType: 'DynamoDB:ConditionalCheckFailedException', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'The conditional request failed' },
      ],
    });
  });

  it('turns a runtime error into a field error instead of failing the request', async () => {
    const resolvers: ResolverTable = {
      'Query.crash': unit(`export function request(ctx) {\n  return ctx.args.missing.deeper;\n}\nexport function response(ctx) { return ctx.result; }`),
      'Query.echo': unit(passThrough.replace('ctx.args', 'ctx.args.text')),
    };
    expect(await run(resolvers, '{ crash echo(text: "still here") }')).toEqual({
      data: { crash: null, echo: 'still here' },
      errors: [
        {
          path: ['crash'],
          data: null,
          errorType: 'Code',
          errorInfo: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: "code.js:2:27: TypeError: Cannot read properties of undefined (reading 'deeper')",
        },
      ],
    });
  });

  it('turns a handler over its CPU budget into a field error', async () => {
    const resolvers: ResolverTable = {
      'Query.slow': unit(`export function request(ctx) {\n  return { payload: Array(20000).fill(0).map(() => Array(20000).fill(1).reduce((a, b) => a + b, 0)) };\n}\nexport function response(ctx) { return ctx.result; }`),
    };
    const response = await run(resolvers, '{ slow }', { runtime: new ResolverRuntime({ now: () => 0, budgetMs: 50 }) });
    expect(response).toEqual({
      data: { slow: null },
      errors: [{ path: ['slow'], data: null, errorType: 'Code', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'Execution exceeded the 50 ms CPU budget.' }],
    });
  });

  it('resolves fields without a resolver from the parent object', async () => {
    const resolvers: ResolverTable = { 'Query.notes': unit(`export function request(ctx) { return { payload: [{ id: '1', title: 'a' }, { id: '2' }] }; }\nexport function response(ctx) { return ctx.result; }`) };
    expect(await run(resolvers, '{ notes { id title } echo }')).toEqual({ data: { notes: [{ id: '1', title: 'a' }, { id: '2', title: null }], echo: null } });
  });

  it('reports null for a non-null field the way AppSync does', async () => {
    const resolvers: ResolverTable = { 'Query.notes': unit(`export function request(ctx) { return { payload: [{ title: 'no id' }] }; }\nexport function response(ctx) { return ctx.result; }`) };
    // AppSync's wording, quoted from a deployed API's response in public reports:
    // "Cannot return null for non-nullable type: 'AWSDateTime' within parent 'Summons' (/listSummons/items[0]/createdAt)".
    expect(await run(resolvers, '{ notes { id } }')).toEqual({
      data: null,
      errors: [{ path: ['notes', 0, 'id'], locations: null, message: "Cannot return null for non-nullable type: 'ID' within parent 'Note' (/notes[0]/id)" }],
    });
  });
});

describe('pipeline resolvers', () => {
  const fn = (name: string, code: string, dataSource = 'none') => ({ name, code, dataSource });

  it('shares the stash and passes ctx.prev.result through the functions', async () => {
    const resolvers: ResolverTable = {
      'Query.echo': {
        kind: 'PIPELINE',
        code: `export function request(ctx) { ctx.stash.trail = ['before']; return { start: ctx.args.text }; }\nexport function response(ctx) { return ctx.stash.trail.join('>') + ' = ' + ctx.prev.result; }`,
        functions: [
          fn('first', `export function request(ctx) { ctx.stash.trail.push('first'); return { payload: ctx.prev.result.start + '1' }; }\nexport function response(ctx) { return ctx.result; }`),
          fn('second', `export function request(ctx) { ctx.stash.trail.push('second'); return { payload: ctx.prev.result + '2' }; }\nexport function response(ctx) { ctx.stash.trail.push('after-second'); return ctx.result; }`),
        ],
      },
    };
    expect(await run(resolvers, '{ echo(text: "x") }')).toEqual({ data: { echo: 'before>first>second>after-second = x12' } });
  });

  it('follows runtime.earlyReturn: a function skips its data source and response, END skips the rest', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/runtime-utils-js.html (runtime.earlyReturn).
    const skipped = recording(() => ({ result: 'never' }));
    const resolvers: ResolverTable = {
      'Query.echo': {
        kind: 'PIPELINE',
        code: `export function request(ctx) { return {}; }\nexport function response(ctx) { return ctx.prev.result; }`,
        functions: [
          fn('skipNext', `import { runtime } from '@aws-appsync/utils';\nexport function request(ctx) { runtime.earlyReturn('a'); }\nexport function response(ctx) { return 'not called'; }`, 'skipped'),
          fn('skipEnd', `import { runtime } from '@aws-appsync/utils';\nexport function request(ctx) { runtime.earlyReturn(ctx.prev.result + 'b', { skipTo: 'END' }); }\nexport function response(ctx) { return 'not called'; }`, 'skipped'),
          fn('never', `export function request(ctx) { return { payload: 'c' }; }\nexport function response(ctx) { return ctx.result; }`),
        ],
      },
      'Query.appended': {
        kind: 'PIPELINE',
        code: `import { runtime } from '@aws-appsync/utils';\nexport function request(ctx) { runtime.earlyReturn('early'); }\nexport function response(ctx) { return 'after ' + ctx.prev.result; }`,
        functions: [fn('never', `export function request(ctx) { return { payload: 'c' }; }\nexport function response(ctx) { return ctx.result; }`, 'skipped')],
      },
    };
    expect(await run(resolvers, '{ echo appended }', { dataSources: { skipped: skipped.dataSource } })).toEqual({ data: { echo: 'ab', appended: 'after early' } });
    expect(skipped.requests).toEqual([]);
  });

  it('stops the pipeline at a function that raises util.error', async () => {
    const resolvers: ResolverTable = {
      'Query.failing': {
        kind: 'PIPELINE',
        code: `export function request(ctx) { return {}; }\nexport function response(ctx) { return 'not reached'; }`,
        functions: [fn('authorize', `import { util } from '@aws-appsync/utils';\nexport function request(ctx) { util.unauthorized(); }\nexport function response(ctx) { return ctx.result; }`)],
      },
    };
    expect(await run(resolvers, '{ failing }')).toEqual({
      data: { failing: null },
      errors: [{ path: ['failing'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'Not Authorized to access failing on type Query' }],
    });
  });
});

describe('field authorization', () => {
  it('nulls a field the caller may not read with AppSync’s Unauthorized error and resolves the rest', async () => {
    // Error shape: aws-amplify/amplify-category-api#2422 (an AppSync response quoted in full).
    const asked: string[] = [];
    const authorizeField = (parentType: string, fieldName: string) => {
      asked.push(`${parentType}.${fieldName}`);
      return { allowed: fieldName !== 'title' };
    };
    const resolvers: ResolverTable = { 'Query.note': unit(`export function request(ctx) { return { payload: { id: ctx.args.id, title: 'secret' } }; }\nexport function response(ctx) { return ctx.result; }`) };
    expect(await run(resolvers, '{ note(id: "n1") { id title } }', { caller: { ...caller, authorizeField } })).toEqual({
      data: { note: { id: 'n1', title: null } },
      errors: [{ path: ['note', 'title'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: [{ line: 1, column: 23, sourceName: null }], message: 'Not Authorized to access title on type Note' }],
    });
    expect(asked).toEqual(['Query.note', 'Note.id', 'Note.title']);
  });
});

describe('limits', () => {
  const levels = unit(`export function request(ctx) { return { payload: { value: 'v', next: { value: 'w', next: { value: 'x', next: null } } } }; }\nexport function response(ctx) { return ctx.result; }`);

  it('ends fields past the query depth limit with QueryDepthLimitReached', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html#configuration-limits-depth
    expect(await run({ 'Query.nested': levels }, '{ nested { value next { value next { value } } } }', { limits: { queryDepthLimit: 2 } })).toEqual({
      data: { nested: { value: 'v', next: { value: null, next: null } } },
      errors: [
        { path: ['nested', 'next', 'value'], data: null, errorType: 'QueryDepthLimitReached', errorInfo: null, locations: [{ line: 1, column: 25, sourceName: null }], message: 'Query depth limit of 2 reached' },
        { path: ['nested', 'next', 'next'], data: null, errorType: 'QueryDepthLimitReached', errorInfo: null, locations: [{ line: 1, column: 31, sourceName: null }], message: 'Query depth limit of 2 reached' },
      ],
    });
  });

  it('stops resolvers past the resolver count limit with ResolverExecutionLimitReached', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html#configuration-limits-resolver-count
    const resolvers: ResolverTable = { 'Query.echo': unit(passThrough.replace('ctx.args', 'ctx.args.text')) };
    expect(await run(resolvers, '{ a: echo(text: "1") b: echo(text: "2") c: echo(text: "3") }', { limits: { resolverCountLimit: 2 } })).toEqual({
      data: { a: '1', b: '2', c: null },
      errors: [{ path: ['c'], data: null, errorType: 'ResolverExecutionLimitReached', errorInfo: null, locations: [{ line: 1, column: 41, sourceName: null }], message: 'Resolver execution limit of 2 reached' }],
    });
  });

  it('answers introspection with a validation error when it is disabled', async () => {
    // https://docs.aws.amazon.com/appsync/latest/devguide/configuration-limits.html#configuration-limits-introspection
    expect(await run({}, '{ __schema { types { name } } }', { limits: { introspectionEnabled: false } })).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 14, sourceName: null }], message: "Validation error of type FieldUndefined: Field 'types' in type '__Schema' is undefined @ '__schema/types'" }],
    });
    expect(await run({}, '{ __typename }', { limits: { introspectionEnabled: false } })).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a request that runs past the request timeout with "Execution timed out."', async () => {
    // The error a client received from AppSync: awslabs/aws-mobile-appsync-sdk-android#280.
    const hanging: DataSource = { invoke: () => new Promise(() => undefined) };
    expect(await run({ 'Query.echo': unit(passThrough, 'hanging') }, '{ echo }', { dataSources: { hanging }, limits: { requestTimeoutMs: 50 } })).toEqual({
      data: null,
      errors: [{ path: null, locations: null, message: 'Execution timed out.' }],
    });
  });
});

describe('request errors', () => {
  it('answers an undefined field with graphql-java’s validation message', async () => {
    // graphql/graphql-over-http#81 (the AppSync team's description of AppSync's HTTP behaviour).
    expect(await run({}, '{badfield}')).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 2, sourceName: null }], message: "Validation error of type FieldUndefined: Field 'badfield' in type 'Query' is undefined @ 'badfield'" }],
    });
  });

  it('answers a missing non-null variable as AppSync does', async () => {
    // The message AppSync returns, quoted in awslabs/aws-mobile-appsync-sdk-js#83.
    expect(await run({}, 'query Q($id: ID!) { note(id: $id) { id } }')).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 9, sourceName: null }], message: "Variable 'id' has coerced Null value for NonNull type 'ID!'" }],
    });
  });

  it('answers a syntax error with graphql-java’s message and data null', async () => {
    // graphql-java's InvalidSyntaxError wording (AppSync runs graphql-java, as its validation messages show).
    expect(await run({}, '{ note(')).toEqual({ data: null, errors: [{ path: null, locations: [{ line: 1, column: 8, sourceName: null }], message: "Invalid Syntax : offending token '<EOF>' at line 1 column 8" }] });
    expect(await run({}, 'queryy { echo }')).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 1, column: 1, sourceName: null }], message: "Invalid Syntax : offending token 'queryy' at line 1 column 1" }],
    });
    expect(await run({}, '{\n  echo }\n}')).toEqual({
      data: null,
      errors: [{ path: null, locations: [{ line: 3, column: 1, sourceName: null }], message: "Invalid Syntax : offending token '}' at line 3 column 1" }],
    });
  });
});
