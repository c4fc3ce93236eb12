// The time source for the local services, injectable so tests control time.

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }

  set(date: Date): void {
    this.current = date.getTime();
  }
}

/** A clock that `advance` can move forward: the stack's clock, which `outpost ttl advance` moves. */
export interface AdvanceableClock extends Clock {
  advance(milliseconds: number): void;
}

export function isAdvanceableClock(clock: Clock): clock is AdvanceableClock {
  return typeof (clock as Partial<AdvanceableClock>).advance === 'function';
}

/** A clock was asked to move backwards or by a non-finite amount. */
export class ClockAdvanceError extends RangeError {
  constructor(milliseconds: number) {
    super(`A clock only moves forward by a finite number of milliseconds; received ${milliseconds}.`);
    this.name = 'ClockAdvanceError';
  }
}

/**
 * Another clock (the system's by default) plus an offset that only grows: time keeps flowing, and
 * `advance` jumps everything that reads this clock ahead, e.g. past a TTL.
 */
export class OffsetClock implements AdvanceableClock {
  private offset = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offset);
  }

  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) throw new ClockAdvanceError(milliseconds);
    this.offset += milliseconds;
  }

  /** How far ahead of the base clock this one is. */
  get offsetMs(): number {
    return this.offset;
  }
}
