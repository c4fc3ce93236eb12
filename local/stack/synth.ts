// Step 1 of `npm start`: synthesize the CDK app into cdk.out, unless nothing it reads has changed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashSynthInputs } from './synth-inputs';

export class SynthError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SynthError';
  }
}

export interface SynthOptions {
  readonly repoRoot: string;
  /** Where the cloud assembly goes. Default `<repoRoot>/cdk.out`. */
  readonly outDir?: string;
  /** Where the inputs' hash is remembered. Default `<repoRoot>/.outpost/synth-inputs.sha256`. */
  readonly hashFile?: string;
  /** Synthesize even when the inputs are unchanged. */
  readonly force?: boolean;
  readonly log: (line: string) => void;
  /** Runs the synthesis; the default runs `infra/bin/synth.ts` in a child Node process. */
  readonly runSynth?: (repoRoot: string) => Promise<void>;
}

export interface SynthResult {
  readonly outDir: string;
  readonly synthesized: boolean;
  readonly inputsHash: string;
}

/** Runs the CDK app in its own process, so its module state and environment stay out of ours. */
export function runSynthProcess(repoRoot: string): Promise<void> {
  const tsxCli = require.resolve('tsx/cli', { paths: [repoRoot] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, path.join('infra', 'bin', 'synth.ts')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new SynthError(`could not run the CDK app: ${error.message}`, { cause: error })));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new SynthError(`the CDK app failed to synthesize (${signal ?? `exit code ${code}`}):\n${output.trim()}`));
    });
  });
}

/** `<inputs hash> <manifest hash>`, or the inputs hash alone when there is no assembly. */
export function synthMarker(inputsHash: string, outDir: string): string {
  const manifest = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(manifest)) return inputsHash;
  return `${inputsHash} ${createHash('sha256').update(fs.readFileSync(manifest)).digest('hex')}`;
}

export async function synthesizeIfChanged(options: SynthOptions): Promise<SynthResult> {
  const outDir = options.outDir ?? path.join(options.repoRoot, 'cdk.out');
  const hashFile = options.hashFile ?? path.join(options.repoRoot, '.outpost', 'synth-inputs.sha256');
  const inputsHash = hashSynthInputs(options.repoRoot);
  const previous = fs.existsSync(hashFile) ? fs.readFileSync(hashFile, 'utf8').trim() : undefined;
  // The marker pairs the inputs with the assembly they produced: another synth into cdk.out (say
  // `cdk synth -c stage=prod`, or a start with another data dir) changes the manifest, so it is redone.
  if (!options.force && previous !== undefined && previous === synthMarker(inputsHash, outDir)) {
    options.log('synth: the CDK app is unchanged; reusing cdk.out');
    return { outDir, synthesized: false, inputsHash };
  }
  const started = Date.now();
  options.log('synth: synthesizing the CDK app…');
  await (options.runSynth ?? runSynthProcess)(options.repoRoot);
  fs.mkdirSync(path.dirname(hashFile), { recursive: true });
  fs.writeFileSync(hashFile, `${synthMarker(inputsHash, outDir)}\n`);
  options.log(`synth: done in ${Date.now() - started} ms`);
  return { outDir, synthesized: true, inputsHash };
}
