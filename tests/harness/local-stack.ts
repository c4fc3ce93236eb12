// One Outpost Local stack per test file: in memory (unless asked otherwise), in a temporary data
// directory, on free ports, writing amplify_outputs.json to a temporary file. It is stopped in
// afterAll whatever happened, and its data directory is removed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Clock } from '../../local/services/clock';
import { findFreePort } from '../../local/services/ports';
import type { StackPorts } from '../../local/stack/ports';
import { startStack, type LocalStack } from '../../local/stack/start-stack';
import { synthesizedAssembly } from './synthesized-assembly';

/** Starting a stack takes 10–30 s on a busy machine; this bounds it. */
export const STACK_START_TIMEOUT_MS = 180_000;

export class StackNotStartedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackNotStartedError';
  }
}

export interface StackUnderTest {
  readonly stack: LocalStack;
  readonly dataDir: string;
  /** Every line the stack logged so far. */
  readonly log: readonly string[];
}

export interface UseLocalStackOptions {
  readonly clock?: Clock;
  /** Default true. False keeps DynamoDB's data in `dataDir`, as `npm start` does. */
  readonly inMemory?: boolean;
}

export async function freePorts(): Promise<{ https: number; http: number; cognito: number }> {
  return { https: await findFreePort(), http: await findFreePort(), cognito: await findFreePort() };
}

/** Starts the repository's stack (from the shared test assembly) in `dataDir`, logging into `log`. */
export async function startTestStack(options: UseLocalStackOptions & { dataDir: string; log: string[]; ports: Partial<StackPorts> }): Promise<LocalStack> {
  const assembly = await synthesizedAssembly();
  return startStack({
    repoRoot: assembly.root,
    cloudAssemblyDir: assembly.outDir,
    dataDir: options.dataDir,
    inMemory: options.inMemory ?? true,
    outputsPath: path.join(options.dataDir, 'amplify_outputs.json'),
    ports: options.ports,
    clock: options.clock,
    log: (line) => options.log.push(line),
  });
}

/** Starts a stack in beforeAll and stops it in afterAll; call the returned function inside tests. */
export function useLocalStack(options: UseLocalStackOptions = {}): () => StackUnderTest {
  let running: StackUnderTest | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-stack-'));
  const log: string[] = [];

  beforeAll(async () => {
    const stack = await startTestStack({ ...options, dataDir, log, ports: await freePorts() });
    running = { stack, dataDir, log };
  }, STACK_START_TIMEOUT_MS);

  afterAll(async () => {
    try {
      await running?.stack.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  return () => {
    if (running === undefined) throw new StackNotStartedError('the local stack did not start; see the error of beforeAll');
    return running;
  };
}
