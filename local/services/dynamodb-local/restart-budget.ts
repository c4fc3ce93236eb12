// Bounds how often a crashed service is restarted: at most `max` restarts in any `windowMs`.
import type { Clock } from '../clock';

export interface RestartLimit {
  max: number;
  windowMs: number;
}

export const DEFAULT_RESTART_LIMIT: RestartLimit = { max: 5, windowMs: 60_000 };

export class RestartBudget {
  private readonly recent: number[] = [];

  constructor(
    readonly limit: RestartLimit,
    private readonly clock: Clock,
  ) {}

  /** Records a restart and returns true, or returns false if the window already holds `max`. */
  tryConsume(): boolean {
    const now = this.clock.now().getTime();
    while (this.recent.length > 0 && now - (this.recent[0] as number) >= this.limit.windowMs) this.recent.shift();
    if (this.recent.length >= this.limit.max) return false;
    this.recent.push(now);
    return true;
  }

  /** Restarts recorded inside the current window. */
  get used(): number {
    return this.recent.length;
  }
}
