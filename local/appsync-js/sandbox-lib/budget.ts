// The per-evaluation CPU and memory budget. The module loader inserts a call to `check` at the start
// of every function body and loop body, so any unbounded computation reaches one; `check` reads the
// host's monotonic clock and heap size only every CHECK_INTERVAL calls to stay cheap. The size caps
// on built-ins (limits.ts) call `checkMemory` before each large allocation, since a few of those can
// fill the heap between two clock readings.
import type { BudgetExceeded, RuntimeBridge } from './host';

const CHECK_INTERVAL = 256;

export interface Budget {
  /** Starts a new evaluation allowed `limitMs` milliseconds. */
  start(limitMs: number): void;
  check(): void;
  /** Fails once the heap has grown past the evaluation's allowance. */
  checkMemory(): void;
  /** The limit of the evaluation in progress, for the error message. */
  limitMs(): number;
}

/** `maxHeapGrowthBytes`: how far the (process-wide) V8 heap may grow during one evaluation. */
export function createBudget(meters: Pick<RuntimeBridge, 'cpuClock' | 'heapUsed'>, maxHeapGrowthBytes: number): Budget {
  const overTime: BudgetExceeded = Object.freeze({ outpostBudgetExceeded: 'cpu' as const });
  const overMemory: BudgetExceeded = Object.freeze({ outpostBudgetExceeded: 'memory' as const });
  let ticks = 0;
  let deadline = Infinity;
  let heapCeiling = Infinity;
  let limit = 0;
  const checkMemory = (): void => {
    if (meters.heapUsed() > heapCeiling) {
      // Keep failing from here on, even if some code swallowed the first throw.
      ticks = CHECK_INTERVAL - 1;
      throw overMemory;
    }
  };
  return {
    start(limitMs) {
      ticks = 0;
      limit = limitMs;
      deadline = meters.cpuClock() + limitMs;
      heapCeiling = meters.heapUsed() + maxHeapGrowthBytes;
    },
    check() {
      ticks += 1;
      if (ticks % CHECK_INTERVAL !== 0) return;
      if (meters.cpuClock() > deadline) {
        ticks = CHECK_INTERVAL - 1;
        throw overTime;
      }
      checkMemory();
    },
    checkMemory,
    limitMs: () => limit,
  };
}

export function isBudgetExceeded(value: unknown): value is BudgetExceeded {
  return typeof value === 'object' && value !== null && 'outpostBudgetExceeded' in value;
}
