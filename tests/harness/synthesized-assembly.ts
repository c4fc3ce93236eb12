// One synthesized cloud assembly for every whole-stack test file. Synthesizing takes ~15 s, and
// `startStack` would otherwise write the repository's own cdk.out, which other test files and a
// running `npm start` read. So the CDK app's inputs are copied to a folder in the OS temp dir named
// after their hash, synthesized there once, and reused until an input changes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runSynthProcess } from '../../local/stack/synth';
import { hashSynthInputs, SYNTH_INPUTS } from '../../local/stack/synth-inputs';
import { isProcessAlive } from '../../local/services/process-alive';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = path.join(os.tmpdir(), 'outpost-test-assemblies');
const COMPLETE_MARKER = '.complete';
const WAIT_FOR_OTHER_MS = 180_000;

export class AssemblyCacheError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AssemblyCacheError';
  }
}

export interface SynthesizedAssembly {
  /** A copy of the repository's synth inputs, with the assembly in `cdk.out/`. */
  readonly root: string;
  readonly outDir: string;
  /** What `synthesizeIfChanged` remembers in `<dataDir>/synth-inputs.sha256`. */
  readonly inputsHash: string;
}

/** The pid that holds the lock; undefined while it is still writing it or once the lock is gone. */
function lockOwner(lock: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8').trim());
    return pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Copies what the CDK app reads (and package.json, which it resolves from) into `target`. */
export function copySynthInputs(target: string, extra: readonly string[] = []): void {
  for (const entry of [...SYNTH_INPUTS, 'package.json', ...extra]) {
    const source = path.join(REPO_ROOT, entry);
    if (fs.existsSync(source)) fs.cpSync(source, path.join(target, entry), { recursive: true, filter: (file) => !file.split(path.sep).includes('node_modules') });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(target, 'node_modules'), 'dir');
}

async function build(root: string, inputsHash: string): Promise<void> {
  const staging = fs.mkdtempSync(`${root}.staging-`);
  try {
    copySynthInputs(staging);
    await runSynthProcess(staging);
    // The copy's inputs must still be the ones the cache is named after (a file saved mid-copy is not).
    if (hashSynthInputs(staging) !== inputsHash) throw new AssemblyCacheError('the CDK app changed while the test assembly was being synthesized; run the tests again');
    fs.writeFileSync(path.join(staging, COMPLETE_MARKER), `${inputsHash}\n`);
    fs.renameSync(staging, root);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The assembly for the repository's current inputs; synthesizes it unless this or another test file did. */
export async function synthesizedAssembly(): Promise<SynthesizedAssembly> {
  const inputsHash = hashSynthInputs(REPO_ROOT);
  const root = path.join(CACHE_DIR, inputsHash.slice(0, 24));
  const result = { root, outDir: path.join(root, 'cdk.out'), inputsHash };
  const complete = () => fs.existsSync(path.join(root, COMPLETE_MARKER));
  if (complete()) return result;

  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const lock = `${root}.lock`;
  const deadline = Date.now() + WAIT_FOR_OTHER_MS;
  while (!complete()) {
    try {
      fs.mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Another test file is synthesizing; wait for it, or take over if its process is gone.
      const owner = lockOwner(lock);
      if (owner !== undefined && !isProcessAlive(owner)) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new AssemblyCacheError(`timed out after ${WAIT_FOR_OTHER_MS} ms waiting for another test file to synthesize ${root}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      fs.writeFileSync(path.join(lock, 'pid'), `${process.pid}\n`);
      if (!complete()) await build(root, inputsHash);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
  return result;
}
