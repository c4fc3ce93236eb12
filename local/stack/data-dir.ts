// Where Outpost Local keeps its state between starts: `.outpost/` at the repository root.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DataDirLayout {
  readonly root: string;
  readonly dynamodb: string;
  readonly cognito: string;
  /** The search service's snapshot of its indices. */
  readonly search: string;
  /** The local CA and certificate: kept by `--reset`, because devices were told to trust that CA. */
  readonly tls: string;
  readonly portsFile: string;
  readonly synthHashFile: string;
}

export function dataDirLayout(root: string): DataDirLayout {
  return {
    root,
    dynamodb: path.join(root, 'dynamodb'),
    cognito: path.join(root, 'cognito'),
    search: path.join(root, 'search'),
    tls: path.join(root, 'tls'),
    portsFile: path.join(root, 'ports.json'),
    synthHashFile: path.join(root, 'synth-inputs.sha256'),
  };
}

/** `--reset`: forget every table item, every user and the search index; keep the certificates and the chosen ports. */
export function resetData(layout: DataDirLayout, log: (line: string) => void): void {
  for (const dir of [layout.dynamodb, layout.cognito, layout.search]) {
    if (fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
  }
  log(`reset: removed the DynamoDB, Cognito and search data under ${path.basename(layout.root)}/`);
}
