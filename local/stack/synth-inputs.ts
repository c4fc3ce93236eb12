// What the cloud assembly is made from. A change to any of these files means cdk.out is stale.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders and files, relative to the repository root, that the CDK app reads when it synthesizes. */
export const SYNTH_INPUTS = ['schema', 'resolvers', 'functions', 'infra', 'cdk.json', 'package-lock.json'] as const;

/** Tests do not change what is synthesized. */
function isIgnored(relativePath: string): boolean {
  return relativePath.endsWith('.test.ts') || relativePath.split(path.sep).includes('node_modules');
}

function listFiles(root: string, relative: string, out: string[]): void {
  const absolute = path.join(root, relative);
  if (!fs.existsSync(absolute)) return;
  if (fs.statSync(absolute).isFile()) {
    if (!isIgnored(relative)) out.push(relative);
    return;
  }
  for (const entry of fs.readdirSync(absolute).sort()) listFiles(root, path.join(relative, entry), out);
}

/** A SHA-256 over the names and contents of every synth input, in a stable order. */
export function hashSynthInputs(repoRoot: string, inputs: readonly string[] = SYNTH_INPUTS): string {
  const files: string[] = [];
  for (const input of inputs) listFiles(repoRoot, input, files);
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(repoRoot, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
