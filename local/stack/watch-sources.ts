// Hot reload's trigger: a change under the folders the CDK app is built from. Changes come in
// bursts (an editor saves several files, a formatter rewrites them), so they are debounced.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const WATCHED_FOLDERS = ['schema', 'resolvers', 'functions', 'infra'] as const;

function relevant(file: string | null): boolean {
  if (!file) return true;
  return !file.endsWith('.test.ts') && !file.split(path.sep).includes('__generated__') && !file.split(path.sep).includes('node_modules');
}

export interface SourceWatcher {
  close(): void;
}

export function watchSources(repoRoot: string, onChange: (files: string[]) => void, debounceMs = 300): SourceWatcher {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers = WATCHED_FOLDERS.filter((folder) => fs.existsSync(path.join(repoRoot, folder))).map((folder) =>
    fs.watch(path.join(repoRoot, folder), { recursive: true }, (_event, file) => {
      if (!relevant(file)) return;
      pending.add(path.join(folder, file ?? ''));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...pending].sort();
        pending.clear();
        onChange(files);
      }, debounceMs);
    }),
  );
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
