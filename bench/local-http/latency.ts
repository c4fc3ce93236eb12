// Latency and throughput of async calls: bounded request counts, sequential or a few at a time.
// Contenders are measured in alternating rounds, so a burst of load from elsewhere on a shared
// machine lands on all of them rather than on one.

export type Call = () => Promise<void>;

export interface LatencySummary {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Requests per second over the time the requests took. */
  readonly perSecond: number;
}

interface Samples {
  readonly durationsMs: number[];
  elapsedMs: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

function summarize(samples: Samples): LatencySummary {
  const sorted = [...samples.durationsMs].sort((a, b) => a - b);
  return { requests: sorted.length, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99), perSecond: (sorted.length * 1000) / samples.elapsedMs };
}

/** Runs `count` calls, `concurrency` at a time, adding each call's duration to `samples`. */
async function runBatch(call: Call, count: number, concurrency: number, samples: Samples): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const started = performance.now();
      await call();
      samples.durationsMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  samples.elapsedMs += performance.now() - started;
}

export interface CompareOptions {
  /** Calls of each contender before measuring. */
  readonly warmup: number;
  readonly rounds: number;
  /** Calls of each contender per round. */
  readonly perRound: number;
  readonly concurrency: number;
}

/** Measures each contender in `rounds` alternating rounds of `perRound` calls. */
export async function compareLatency(calls: Record<string, Call>, options: CompareOptions): Promise<Record<string, LatencySummary>> {
  const samples: Record<string, Samples> = {};
  for (const [name, call] of Object.entries(calls)) {
    await runBatch(call, options.warmup, options.concurrency, { durationsMs: [], elapsedMs: 0 });
    samples[name] = { durationsMs: [], elapsedMs: 0 };
  }
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [name, call] of Object.entries(calls)) await runBatch(call, options.perRound, options.concurrency, samples[name]);
  }
  return Object.fromEntries(Object.entries(samples).map(([name, taken]) => [name, summarize(taken)]));
}
