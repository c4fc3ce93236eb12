// Times functions in alternating rounds and reports each one's best rate, so a burst of load from
// elsewhere on the machine penalises neither side more than the other.

export interface Measurement {
  /** Calls per second. */
  perSecond: number;
  /** Microseconds per call. */
  microseconds: number;
}

function bestRate(fn: () => void, durationMs: number, batch: number): number {
  let best = 0;
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < batch; i += 1) fn();
    best = Math.max(best, (batch * 1e9) / Number(process.hrtime.bigint() - started));
  }
  return best;
}

/**
 * Warms each function up, then runs them in turn for `rounds` rounds of `roundMs`, keeping each
 * one's best batch: on a shared machine the slow batches measure the neighbours, not the code.
 */
export function compare(fns: Record<string, () => void>, { warmupMs = 300, rounds = 6, roundMs = 400, batch = 500 } = {}): Record<string, Measurement> {
  const best: Record<string, number> = {};
  for (const [name, fn] of Object.entries(fns)) {
    bestRate(fn, warmupMs, batch);
    best[name] = 0;
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, fn] of Object.entries(fns)) best[name] = Math.max(best[name], bestRate(fn, roundMs, batch));
  }
  return Object.fromEntries(Object.entries(best).map(([name, perSecond]) => [name, { perSecond, microseconds: 1e6 / perSecond }]));
}
