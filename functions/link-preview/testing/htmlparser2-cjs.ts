// Jest (CommonJS, node_modules untransformed) cannot load htmlparser2 12, which ships ES modules
// only. esbuild, the bundler that builds this function for Lambda, turns the real package into one
// CommonJS file that tests load in its place:
//   jest.mock('htmlparser2', () => jest.requireActual('./testing/htmlparser2-cjs').htmlparser2AsCommonJs());
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

const REPO_ROOT = path.join(__dirname, '..', '..', '..');

export function htmlparser2AsCommonJs(): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-htmlparser2-'));
  try {
    const outfile = path.join(dir, 'htmlparser2.cjs');
    buildSync({
      stdin: { contents: "export * from 'htmlparser2';", resolveDir: REPO_ROOT, loader: 'js' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    return createRequire(__filename)(outfile);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
