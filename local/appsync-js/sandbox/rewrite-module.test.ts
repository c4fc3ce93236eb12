import { parseResolverCode } from '../validation/validate';
import { rewriteModule } from './rewrite-module';

function rewrite(code: string): string {
  const parsed = parseResolverCode(code);
  if (!parsed.ok) throw new Error('test code must parse');
  return rewriteModule(code, parsed.program, parsed.shape).text;
}

describe('rewriteModule', () => {
  it('turns imports and exports into bindings and a returned object, keeping every line', () => {
    const code = [
      "import { util, runtime as rt } from '@aws-appsync/utils';",
      "import * as ddb from '@aws-appsync/utils/dynamodb';",
      'export function request(ctx) {',
      '  return ddb.get({ key: { id: ctx.args.id } });',
      '}',
      'const response = (ctx) => ctx.result;',
      'export {',
      '  response,',
      '};',
    ].join('\n');
    expect(rewrite(code).split('\n')).toEqual([
      "'use strict';__outpost_load(function (__outpost_budget, __outpost_at, __outpost_modules, __outpost_spread) {const { util, \"runtime\": rt } = __outpost_modules[\"@aws-appsync/utils\"];",
      'const ddb = __outpost_modules["@aws-appsync/utils/dynamodb"];',
      'function request(ctx) {__outpost_budget();',
      '  return ddb.get({ key: { id: ctx.args.id } });',
      '}',
      'const response = (ctx) => (__outpost_budget(), ctx.result);',
      '',
      '',
      '',
      ';return { "request": request, "response": response };',
      '});',
    ]);
  });

  it('checks the budget in every loop body and marks console calls with their position', () => {
    const code = [
      'export function request(ctx) {',
      '  for (const a of ctx.args.list) console.log(a);',
      '  for (const k in ctx.args) { console.warn(k); }',
      '  return ctx.args.list.map((x) => ({ x }));',
      '}',
      'export const response = (ctx) => (ctx) => ctx.result;',
    ].join('\n');
    expect(rewrite(code).split('\n')).toEqual([
      "'use strict';__outpost_load(function (__outpost_budget, __outpost_at, __outpost_modules, __outpost_spread) {function request(ctx) {__outpost_budget();",
      '  for (const a of ctx.args.list) {__outpost_budget();__outpost_at(2, 34).log(a);}',
      '  for (const k in ctx.args) {__outpost_budget(); __outpost_at(3, 31).warn(k); }',
      '  return ctx.args.list.map((x) => ((__outpost_budget(), { x })));',
      '}',
      'const response = (ctx) => (__outpost_budget(), (ctx) => (__outpost_budget(), ctx.result));',
      ';return { "request": request, "response": response };',
      '});',
    ]);
  });

  it('checks the length of every spread list, but not of object spreads', () => {
    const code = 'export function request(ctx) {\n  return [...ctx.args.list, ...[1]].concat(Math.max(...ctx.args.list), { ...ctx.args });\n}\nexport const response = (ctx) => ctx.result;';
    expect(rewrite(code).split('\n')[1]).toBe(
      '  return [...__outpost_spread(ctx.args.list), ...__outpost_spread([1])].concat(Math.max(...__outpost_spread(ctx.args.list)), { ...ctx.args });',
    );
  });

  it('leaves console alone when the module declares its own', () => {
    const code = 'const console = { log: () => 1 };\nexport function request(ctx) {\n  return console.log(ctx);\n}\nexport function response(ctx) {\n  return 1;\n}';
    expect(rewrite(code).split('\n')[2]).toBe('  return console.log(ctx);');
  });
});
