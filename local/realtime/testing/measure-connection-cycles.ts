// Runs connect, subscribe and disconnect cycles against a fresh endpoint and reports what the
// process holds before and after. Run it with --expose-gc so that heap figures follow full
// collections: `node --expose-gc -r tsx/cjs measure-connection-cycles.ts <cycles>` prints JSON.
import { loadSchema } from '../../../schema/validate';
import type { RealtimeStats } from '../realtime-endpoint';
import { userToken } from './fake-auth';
import { startHarness, type Harness } from './realtime-harness';
import { encodeHeader, TestClient } from './test-client';

const CONCURRENCY = 50;

export interface ResourceSnapshot {
  readonly heapUsed: number;
  /** Active handles by kind, timers apart from the rest. */
  readonly timers: number;
  readonly handles: Record<string, number>;
}

export interface CycleReport {
  readonly cycles: number;
  readonly before: ResourceSnapshot;
  readonly after: ResourceSnapshot;
  readonly stats: RealtimeStats;
}

/** --expose-gc is missing, so heap figures would be noise. */
export class GcUnavailableError extends Error {
  constructor() {
    super('Run with node --expose-gc: heap figures are only meaningful after a full collection.');
    this.name = 'GcUnavailableError';
  }
}

export async function measureConnectionCycles(cycles: number): Promise<CycleReport> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new GcUnavailableError();
  const harness = await startHarness(loadSchema(), { record: false });
  try {
    await runCycles(harness, 500);
    const before = await snapshot(harness, gc, Number.POSITIVE_INFINITY);
    await runCycles(harness, cycles);
    const after = await snapshot(harness, gc, before.timers);
    return { cycles, before, after, stats: harness.endpoint.stats() };
  } finally {
    await harness.stop();
  }
}

async function runCycles(harness: Harness, count: number): Promise<void> {
  const header = encodeURIComponent(encodeHeader({ host: '127.0.0.1', Authorization: userToken('alice') }));
  const start = JSON.stringify({
    id: 'cycle',
    type: 'start',
    payload: {
      data: JSON.stringify({ query: 'subscription { onNoteChanged(spaceId: "s1") { id } }', variables: {} }),
      extensions: { authorization: { host: '127.0.0.1', Authorization: userToken('alice') } },
    },
  });
  const cycle = async (): Promise<void> => {
    const client = await TestClient.connect(`${harness.url}?header=${header}&payload=e30=`, ['graphql-ws']);
    client.send({ type: 'connection_init' });
    await client.nextMessage();
    client.send(start);
    await client.nextMessage();
    await client.close();
  };
  for (let done = 0; done < count; done += CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count - done) }, cycle));
  }
}

/** Waits for the endpoint to release its connections and for stray timers to fire, then measures. */
async function snapshot(harness: Harness, gc: () => void, timerCeiling: number): Promise<ResourceSnapshot> {
  while (harness.endpoint.stats().connections > 0) await pause(5);
  // ws and the clients' own close timers are short-lived; a leaked interval never drains.
  for (let waited = 0; countHandles().timers > timerCeiling && waited < 2000; waited += 20) await pause(20);
  await pause(50);
  gc();
  gc();
  return { heapUsed: process.memoryUsage().heapUsed, ...countHandles() };
}

function countHandles(): { timers: number; handles: Record<string, number> } {
  const handles: Record<string, number> = {};
  let timers = 0;
  for (const resource of process.getActiveResourcesInfo()) {
    if (resource === 'Timeout') timers += 1;
    else handles[resource] = (handles[resource] ?? 0) + 1;
  }
  return { timers, handles };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

if (require.main === module) {
  measureConnectionCycles(Number(process.argv[2] ?? '10000')).then(
    (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
