// Child processes for whole-stack tests: run a TypeScript file to completion, or start a long-running
// one and wait for a line of its output. Every wait is bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export class ChildProcessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChildProcessError';
  }
}

/**
 * tsx's loader, for `node --import <it> script.ts`: the script runs in that one Node process. (The tsx
 * CLI would run it in a grandchild, which outlives a kill of the CLI.)
 */
export const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node --import tsx <script> ...args` and resolves when it exits (or kills it after `timeoutMs`). */
export function runTypeScript(script: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, script, ...args], { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ChildProcessError(`${path.basename(script)} did not finish within ${options.timeoutMs} ms.\n${stderr}`));
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ChildProcessError(`could not run ${script}`, { cause: error }));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A long-running child whose output is collected as it comes. */
export interface RunningChild {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves once the output contains `text`; rejects if the child exits first or after `timeoutMs`. */
  waitFor(text: string, timeoutMs: number): Promise<void>;
  /** Resolves when the child has exited (at once if it already has). */
  exited(): Promise<void>;
}

export function startChild(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): RunningChild {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => output,
    exited: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : exit),
    async waitFor(text, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!output.includes(text)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new ChildProcessError(`the child exited (${child.exitCode ?? child.signalCode}) before printing "${text}":\n${output}`);
        if (Date.now() > deadline) throw new ChildProcessError(`the child did not print "${text}" within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}
