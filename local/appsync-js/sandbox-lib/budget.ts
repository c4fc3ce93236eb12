// The per-evaluation CPU budget. The module loader inserts a call to `check` at the start of every
// function body and loop body, so any unbounded computation reaches one; `check` reads the host's
// monotonic clock only every CHECK_INTERVAL calls to stay cheap.
import type { BudgetExceeded } from './host';

const CHECK_INTERVAL = 256;

export interface Budget {
  /** Starts a new evaluation allowed `limitMs` milliseconds. */
  start(limitMs: number): void;
  check(): void;
  /** The limit of the evaluation in progress, for the error message. */
  limitMs(): number;
}

export function createBudget(cpuClock: () => number): Budget {
  const exceeded: BudgetExceeded = Object.freeze({ outpostBudgetExceeded: true as const });
  let ticks = 0;
  let deadline = Infinity;
  let limit = 0;
  return {
    start(limitMs) {
      ticks = 0;
      limit = limitMs;
      deadline = cpuClock() + limitMs;
    },
    check() {
      ticks += 1;
      if (ticks % CHECK_INTERVAL === 0 && cpuClock() > deadline) {
        // Keep failing from here on, even if some code swallowed the first throw.
        ticks = CHECK_INTERVAL - 1;
        throw exceeded;
      }
    },
    limitMs: () => limit,
  };
}

export function isBudgetExceeded(value: unknown): value is BudgetExceeded {
  return typeof value === 'object' && value !== null && 'outpostBudgetExceeded' in value;
}
