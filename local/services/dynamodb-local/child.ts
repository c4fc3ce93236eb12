// One DynamoDB Local Java process: spawned, its output kept (the tail, for error messages), its exit observed.
import { spawn } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be spawned at all. */
  error?: Error;
}

export interface RunningChild {
  readonly pid: number;
  /** Resolves once, when the process has exited (or failed to spawn). Never rejects. */
  readonly exited: Promise<ChildExit>;
  /** True once `exited` has resolved. */
  hasExited(): boolean;
  /** The last lines the process printed, stdout and stderr interleaved. */
  outputTail(): string;
}

const TAIL_LINES = 40;

export function spawnChild(command: string, args: readonly string[], cwd: string): RunningChild {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    lines.splice(0, Math.max(0, lines.length - TAIL_LINES));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  let done = false;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  }).then((exit) => {
    done = true;
    return exit;
  });

  return {
    // A failed spawn has no pid; -1 never names a real process we could signal by mistake.
    pid: child.pid ?? -1,
    exited,
    hasExited: () => done,
    outputTail: () => lines.join('\n'),
  };
}

/** Describes an exit for a log line: "exit code 1" or "signal SIGKILL". */
export function describeExit(exit: ChildExit): string {
  if (exit.error) return `spawn failed: ${exit.error.message}`;
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}
