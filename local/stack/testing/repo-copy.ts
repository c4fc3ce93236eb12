// A throwaway copy of the repository's CDK app sources, for tests that edit them (hot reload).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const COPIED = ['schema', 'resolvers', 'functions', 'infra', 'cdk.json', 'package.json', 'package-lock.json'];

export function copyRepoSources(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-repo-'));
  for (const entry of COPIED) fs.cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}
