// Evaluations per second of a typical APPSYNC_JS resolver (a DynamoDB GetItem request built with
// util.dynamodb.toMapValues, and a response returning ctx.result) through the sandbox, against the
// same work done by plain functions in this process. Both sides take the context as JSON text and
// produce the result as JSON text, as EvaluateCode does.
import { ResolverRuntime } from '../../local/appsync-js/sandbox/resolver-module';
import { createDynamoDbUtil } from '../../local/appsync-js/sandbox-lib/util/dynamodb/index';
import { createFakeHost } from '../../local/appsync-js/sandbox-lib/util/testing/fake-host';
import { compare } from './measure';

const RESOLVER = `import { util } from '@aws-appsync/utils';
export function request(ctx) {
  return { operation: 'GetItem', key: util.dynamodb.toMapValues({ id: ctx.args.id }) };
}
export function response(ctx) {
  return ctx.result;
}
`;

const identity = { sub: 'user-1', username: 'alice', claims: { 'cognito:groups': ['editors'] }, sourceIp: ['10.0.0.1'] };
const info = { fieldName: 'note', parentTypeName: 'Query', variables: {}, selectionSetList: ['id', 'title'], selectionSetGraphQL: '{ id title }' };
const REQUEST_CONTEXT = JSON.stringify({ arguments: { id: 'note-1' }, identity, info, stash: {} });
const RESPONSE_CONTEXT = JSON.stringify({
  arguments: { id: 'note-1' },
  identity,
  info,
  stash: {},
  result: { id: 'note-1', spaceId: 'space-1', title: 'Field notes', body: 'Saw a heron.', tags: ['birds', 'river'], _version: 3 },
});

export function run(): void {
  const module = new ResolverRuntime().loadResolverModule(RESOLVER);
  const sandboxed = () => {
    const request = module.evaluateJson('request', REQUEST_CONTEXT).outcome;
    const response = module.evaluateJson('response', RESPONSE_CONTEXT).outcome;
    if (request.kind !== 'result' || response.kind !== 'result') throw new Error('the benchmark resolver failed');
    JSON.stringify(request.result);
    JSON.stringify(response.result);
  };

  const util = { dynamodb: createDynamoDbUtil(createFakeHost()) };
  const request = (ctx: { args: { id: string } }) => ({ operation: 'GetItem', key: util.dynamodb.toMapValues({ id: ctx.args.id }) });
  const response = (ctx: { result: unknown }) => ctx.result;
  const plain = () => {
    const requestCtx = JSON.parse(REQUEST_CONTEXT);
    JSON.stringify(request({ ...requestCtx, args: requestCtx.arguments }));
    JSON.stringify(response(JSON.parse(RESPONSE_CONTEXT)));
  };

  const { sandbox, baseline } = compare({ sandbox: sandboxed, baseline: plain });
  const row = (name: string, m: { perSecond: number; microseconds: number }) =>
    `  ${name.padEnd(28)} ${Math.round(m.perSecond).toLocaleString('en-US').padStart(10)} pairs/s  ${m.microseconds.toFixed(2).padStart(8)} µs/pair`;
  console.log('APPSYNC_JS evaluation (request + response pair, JSON in and out)');
  console.log(row('sandbox (ResolverRuntime)', sandbox));
  console.log(row('plain functions', baseline));
  console.log(`  handler evaluations/s      ${Math.round(sandbox.perSecond * 2).toLocaleString('en-US').padStart(10)} (two per pair)`);
  console.log(`  overhead                   ${(baseline.perSecond / sandbox.perSecond).toFixed(1).padStart(10)}× the plain functions`);
}
