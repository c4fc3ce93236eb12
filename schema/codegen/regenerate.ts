import { join, relative } from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { OPERATIONS_DIR, writeOperations } from './write-operations';

/** The repository root, where codegen.yml and every generated path are relative to. */
export const REPO_ROOT = join(__dirname, '..', '..');

/** codegen.yml has an output whose shape this script does not know how to redirect. */
export class UnsupportedCodegenConfigError extends Error {
  constructor(output: string) {
    super(`codegen.yml output "${output}" must be a single options object for regeneration into another directory.`);
    this.name = 'UnsupportedCodegenConfigError';
  }
}

/**
 * Runs the whole of `npm run codegen` into `outRoot` instead of the repository: operation documents
 * and every codegen.yml output land at the same relative paths below `outRoot`, so the result can
 * be compared file by file with what is committed.
 */
export async function regenerateInto(outRoot: string): Promise<void> {
  const committedOperations = relative(REPO_ROOT, OPERATIONS_DIR);
  const operations = join(outRoot, committedOperations);
  writeOperations(operations);
  const { config } = await loadCodegenConfig({ configFilePath: join(REPO_ROOT, 'codegen.yml') });
  const generates = Object.fromEntries(
    Object.entries(config.generates).map(([output, options]) => {
      if (Array.isArray(options) || typeof options !== 'object') throw new UnsupportedCodegenConfigError(output);
      const documents = typeof options.documents === 'string' ? options.documents.replace(committedOperations, operations) : options.documents;
      return [join(outRoot, output), { ...options, documents }];
    }),
  );
  await generate({ ...config, generates, cwd: REPO_ROOT, silent: true }, true);
}

if (require.main === module) {
  const [outRoot] = process.argv.slice(2);
  if (outRoot) {
    regenerateInto(outRoot).catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  } else {
    console.error('Usage: tsx schema/codegen/regenerate.ts <output directory>');
    process.exitCode = 2;
  }
}
