import { buildAppSyncSchema } from '../../../schema/validate';
import { ResolverRuntime } from '../../appsync-js/sandbox/resolver-module';
import { executeAppSync } from '../../appsync/execution/execute';
import type { CallerContext, ResolverTable } from '../../appsync/execution/types';
import { NoneDataSource } from '../none/none-data-source';
import { LambdaDataSource, type LambdaInvokeResult } from './lambda-data-source';

const schema = buildAppSyncSchema(`
  type Query { posts: [Post!]! search(q: String!): [String!] }
  type Post { id: ID! author: Author }
  type Author { id: ID! name: String }
`);

const caller: CallerContext = { identity: null, authMode: 'API_KEY', headers: {}, domainName: null };
const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:search';

/** A fake function: records each event and answers it with `answer`. */
function fakeLambda(answer: (event: unknown) => LambdaInvokeResult) {
  const calls: { arn: string; event: unknown }[] = [];
  const invoke = async (arn: string, event: unknown) => {
    calls.push({ arn, event });
    return answer(event);
  };
  return { calls, invoke };
}

function run(resolvers: ResolverTable, lambda: LambdaDataSource, query: string) {
  return executeAppSync(schema, { runtime: new ResolverRuntime(), resolvers, dataSources: { none: new NoneDataSource(), fn: lambda } }, caller, { query });
}

const posts = { kind: 'UNIT' as const, dataSource: 'none', code: `export function request(ctx) { return { payload: [{ id: 'p1', authorId: 'a1' }, { id: 'p2', authorId: 'a2' }, { id: 'p3', authorId: 'a1' }] }; }\nexport function response(ctx) { return ctx.result; }` };

describe('LambdaDataSource', () => {
  it('invokes the function with the payload and returns its result', async () => {
    const lambda = fakeLambda((event) => ({ payload: [`hit for ${(event as { q: string }).q}`] }));
    const resolvers: ResolverTable = {
      'Query.search': { kind: 'UNIT', dataSource: 'fn', code: `export function request(ctx) { return { operation: 'Invoke', payload: { q: ctx.args.q } }; }\nexport function response(ctx) { return ctx.result; }` },
    };
    expect(await run(resolvers, new LambdaDataSource(ARN, lambda.invoke), '{ search(q: "tea") }')).toEqual({ data: { search: ['hit for tea'] } });
    expect(lambda.calls).toEqual([{ arn: ARN, event: { q: 'tea' } }]);
  });

  it('groups sibling BatchInvoke calls up to maxBatchSize and hands each call its element', async () => {
    // BatchInvoke: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-lambda-js.html
    const lambda = fakeLambda((event) => ({ payload: (event as { id: string }[]).map(({ id }) => ({ id, name: `name of ${id}` })) }));
    const resolvers: ResolverTable = {
      'Query.posts': posts,
      'Post.author': {
        kind: 'UNIT',
        dataSource: 'fn',
        maxBatchSize: 2,
        code: `export function request(ctx) { return { operation: 'BatchInvoke', payload: { id: ctx.source.authorId } }; }\nexport function response(ctx) { return ctx.result; }`,
      },
    };
    expect(await run(resolvers, new LambdaDataSource(ARN, lambda.invoke), '{ posts { id author { id name } } }')).toEqual({
      data: {
        posts: [
          { id: 'p1', author: { id: 'a1', name: 'name of a1' } },
          { id: 'p2', author: { id: 'a2', name: 'name of a2' } },
          { id: 'p3', author: { id: 'a1', name: 'name of a1' } },
        ],
      },
    });
    expect(lambda.calls).toEqual([
      { arn: ARN, event: [{ id: 'a1' }, { id: 'a2' }] },
      { arn: ARN, event: [{ id: 'a1' }] },
    ]);
  });

  it('hands a function error to the response handler as ctx.error with type Lambda:Unhandled', async () => {
    // "errorType": "Lambda:Unhandled" with the function's message, as in the "Returning errors"
    // example of https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html
    const lambda = fakeLambda(() => ({ error: { message: 'I fail. always', type: 'Error' } }));
    const resolvers: ResolverTable = {
      'Query.search': {
        kind: 'UNIT',
        dataSource: 'fn',
        code: `import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return { operation: 'Invoke', payload: {} }; }\nexport function response(ctx) { const { error, result } = ctx; if (error) { util.appendError(error.message, error.type, result); } return result; }`,
      },
    };
    expect(await run(resolvers, new LambdaDataSource(ARN, lambda.invoke), '{\n  search(q: "x")\n}')).toEqual({
      data: { search: null },
      errors: [{ path: ['search'], data: null, errorType: 'Lambda:Unhandled', errorInfo: null, locations: [{ line: 2, column: 3, sourceName: null }], message: 'I fail. always' }],
    });
  });

  it('fails every call of a batch whose function returns the wrong number of results', async () => {
    const lambda = fakeLambda(() => ({ payload: [{ id: 'only one' }] }));
    const resolvers: ResolverTable = {
      'Query.posts': posts,
      'Post.author': {
        kind: 'UNIT',
        dataSource: 'fn',
        code: `import { util } from '@aws-appsync/utils';\nexport function request(ctx) { return { operation: 'BatchInvoke', payload: ctx.source.authorId }; }\nexport function response(ctx) { if (ctx.error) { util.error(ctx.error.message, ctx.error.type); } return ctx.result; }`,
      },
    };
    const error = (index: number, column: number) => ({
      path: ['posts', index, 'author'],
      data: null,
      errorType: 'Lambda:Unhandled',
      errorInfo: null,
      locations: [{ line: 1, column, sourceName: null }],
      message: 'A BatchInvoke function must return an array of 3 results; it returned 1',
    });
    expect(await run(resolvers, new LambdaDataSource(ARN, lambda.invoke), '{ posts { id author { id } } }')).toEqual({
      data: { posts: [{ id: 'p1', author: null }, { id: 'p2', author: null }, { id: 'p3', author: null }] },
      errors: [error(0, 14), error(1, 14), error(2, 14)],
    });
  });
});
