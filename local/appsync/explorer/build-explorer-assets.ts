// Bundles the explorer page from node_modules with esbuild, in memory: nothing is written to disk
// and nothing is fetched from a CDN, so the page works offline.
import * as path from 'node:path';
import { build } from 'esbuild';
import { ExplorerBuildError } from './errors';
import { explorerHtml } from './explorer-html';

export interface ExplorerAssets {
  readonly html: string;
  readonly js: string;
  readonly css: string;
}

const APP_DIR = path.join(__dirname, 'app');

export async function buildExplorerAssets(): Promise<ExplorerAssets> {
  const { outputFiles } = await build({
    entryPoints: [
      { in: path.join(APP_DIR, 'main.ts'), out: 'app' },
      { in: path.join(APP_DIR, 'explorer.css'), out: 'app' },
    ],
    outdir: 'explorer',
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: ['chrome109', 'firefox115', 'safari15'],
    minify: true,
    legalComments: 'eof',
    // React and GraphiQL pick their production builds from this.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).catch((error: unknown) => {
    throw new ExplorerBuildError('Cannot bundle the GraphQL explorer page.', { cause: error });
  });
  const output = (extension: string) => {
    const file = outputFiles.find((candidate) => candidate.path.endsWith(extension));
    if (file === undefined) throw new ExplorerBuildError(`esbuild produced no ${extension} file for the explorer.`);
    return file.text;
  };
  return { html: explorerHtml(), js: output('.js'), css: output('.css') };
}
