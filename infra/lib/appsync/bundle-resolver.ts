import { buildSync } from 'esbuild';
import { REPO_ROOT } from '../paths';

/** A resolver or function file that esbuild could not bundle. */
export class ResolverBundleError extends Error {
  constructor(
    readonly entryFile: string,
    options: ErrorOptions,
  ) {
    super(`Could not bundle APPSYNC_JS resolver ${entryFile}: ${describe(options.cause)}`, options);
    this.name = 'ResolverBundleError';
  }
}

/**
 * Bundles one APPSYNC_JS resolver or pipeline function (TypeScript) into the single ES module
 * AppSync runs. `@aws-appsync/utils` stays an import: the runtime provides it. Not minified, so
 * AppSync's error locations and the local runtime's stack traces stay readable.
 */
export function bundleResolver(entryFile: string): string {
  let result;
  try {
    result = buildSync({
      entryPoints: [entryFile],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      external: ['@aws-appsync/utils', '@aws-appsync/utils/dynamodb'],
      minify: false,
      sourcemap: false,
      logLevel: 'silent',
      // The "// resolvers/…" file markers esbuild writes are relative to this: the same on every machine.
      absWorkingDir: REPO_ROOT,
    });
  } catch (error) {
    throw new ResolverBundleError(entryFile, { cause: error });
  }
  return result.outputFiles[0].text;
}

function describe(cause: unknown): string {
  // Not `instanceof Error`: esbuild's error may come from another realm (e.g. under jest).
  const message = typeof cause === 'object' && cause !== null ? (cause as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(cause);
}
