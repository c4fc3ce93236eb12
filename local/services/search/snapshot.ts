// The indices on disk: one JSON file under the data dir, written atomically (temp file, rename),
// read back on start so search survives restarts as DynamoDB Local's data does.
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { IndexSnapshot } from './search-index';

const FORMAT_VERSION = 1;

/** The snapshot file exists but cannot be read back. */
export class SnapshotReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SnapshotReadError';
  }
}

export const snapshotFile = (dataDir: string): string => path.join(dataDir, 'indices.json');

export function readSnapshot(dataDir: string): IndexSnapshot[] {
  const file = snapshotFile(dataDir);
  if (!existsSync(file)) return [];
  let parsed: { version?: unknown; indices?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new SnapshotReadError(`The search snapshot ${file} is not valid JSON; remove it to start with no indices.`, { cause: error });
  }
  if (parsed.version !== FORMAT_VERSION || !Array.isArray(parsed.indices)) {
    throw new SnapshotReadError(`The search snapshot ${file} has format ${String(parsed.version)}; this service reads format ${FORMAT_VERSION}.`);
  }
  return parsed.indices as IndexSnapshot[];
}

export async function writeSnapshot(dataDir: string, indices: readonly IndexSnapshot[]): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  const file = snapshotFile(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify({ version: FORMAT_VERSION, indices }));
  await fs.rename(temporary, file);
}
