import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../paths';
import { ResolverBundleError, bundleResolver } from './bundle-resolver';

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function writeFiles(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bundle-'));
  scratchDirs.push(dir);
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return dir;
}

describe('bundleResolver', () => {
  it('inlines local imports, keeps @aws-appsync/utils external, drops types and is not minified', () => {
    const dir = writeFiles({
      'helper.ts': "import { util } from '@aws-appsync/utils';\nexport function key(id: string) { return util.dynamodb.toMapValues({ id }); }\n",
      'Query.thing.ts': [
        '// @dataSource Things',
        "import type { Context } from '@aws-appsync/utils';",
        "import { get } from '@aws-appsync/utils/dynamodb';",
        "import { key } from './helper';",
        'export function request(ctx: Context) { return { operation: "GetItem", key: key(ctx.args.id) }; }',
        'export function response(ctx: Context) { return get === undefined ? null : ctx.result; }',
        '',
      ].join('\n'),
    });
    // esbuild marks each inlined file with its path from the repository root.
    const marker = path.relative(REPO_ROOT, dir);
    expect(bundleResolver(path.join(dir, 'Query.thing.ts'))).toBe(
      [
        `// ${marker}/Query.thing.ts`,
        'import { get } from "@aws-appsync/utils/dynamodb";',
        '',
        `// ${marker}/helper.ts`,
        'import { util } from "@aws-appsync/utils";',
        'function key(id) {',
        '  return util.dynamodb.toMapValues({ id });',
        '}',
        '',
        `// ${marker}/Query.thing.ts`,
        'function request(ctx) {',
        '  return { operation: "GetItem", key: key(ctx.args.id) };',
        '}',
        'function response(ctx) {',
        '  return get === void 0 ? null : ctx.result;',
        '}',
        'export {',
        '  request,',
        '  response',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('reports a file that does not compile, keeping esbuild\'s error as the cause', () => {
    const dir = writeFiles({ 'Query.broken.ts': 'export function request( {\n' });
    const entry = path.join(dir, 'Query.broken.ts');
    let thrown: unknown;
    try {
      bundleResolver(entry);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ResolverBundleError);
    expect((thrown as ResolverBundleError).message).toBe(
      `Could not bundle APPSYNC_JS resolver ${entry}: Build failed with 1 error:\n${path.relative(REPO_ROOT, entry)}:2:0: ERROR: Expected identifier but found end of file`,
    );
    // esbuild's failure (with its structured errors) stays reachable as the cause.
    expect((thrown as ResolverBundleError).cause).toMatchObject({ errors: [{ text: 'Expected identifier but found end of file' }] });
  });
});
