import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { loadSchema } from '../validate';
import { buildOperations } from './operations';

/** Where the committed operation documents live; graphql-codegen reads them from here. */
export const OPERATIONS_DIR = join(__dirname, '..', '..', 'mobile-client-sample', 'src', 'graphql', '__generated__', 'operations');

/**
 * Writes one document per operation into `outDir`, a folder that holds only generated documents:
 * documents of operations that no longer exist are removed. Returns the file names written.
 */
export function writeOperations(outDir: string = OPERATIONS_DIR, schema: GraphQLSchema = loadSchema()): string[] {
  const files = buildOperations(schema);
  mkdirSync(outDir, { recursive: true });
  const current = new Set(files.map((file) => file.fileName));
  for (const existing of readdirSync(outDir)) {
    if (existing.endsWith('.graphql') && !current.has(existing)) rmSync(join(outDir, existing));
  }
  for (const file of files) writeFileSync(join(outDir, file.fileName), file.content);
  return files.map((file) => file.fileName);
}

if (require.main === module) {
  const written = writeOperations();
  console.log(`Wrote ${written.length} operation documents to ${OPERATIONS_DIR}`);
}
