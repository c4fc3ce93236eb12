import { ManualClock } from '../clock';
import { RestartBudget } from './restart-budget';

describe('RestartBudget', () => {
  it('allows max restarts in a sliding window, then refuses until the oldest leaves the window', () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00.000Z'));
    const budget = new RestartBudget({ max: 3, windowMs: 60_000 }, clock);
    const outcomes: [number, boolean, number][] = [];
    const attempt = (atSecond: number): void => {
      clock.set(new Date(Date.UTC(2026, 0, 1, 0, 0, atSecond)));
      outcomes.push([atSecond, budget.tryConsume(), budget.used]);
    };
    [0, 10, 20, 30, 59, 60, 61, 70, 75].forEach(attempt);
    expect(outcomes).toEqual([
      [0, true, 1],
      [10, true, 2],
      [20, true, 3],
      [30, false, 3],
      [59, false, 3],
      [60, true, 3], // the restart at 0s has left the window
      [61, false, 3],
      [70, true, 3],
      [75, false, 3],
    ]);
  });

  it('with max 0 never allows a restart', () => {
    const budget = new RestartBudget({ max: 0, windowMs: 60_000 }, new ManualClock(new Date(0)));
    expect([budget.tryConsume(), budget.used]).toEqual([false, 0]);
  });
});
