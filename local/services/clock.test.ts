import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('stays still until advanced or set', () => {
    const clock = new ManualClock(new Date('2026-01-01T00:00:00.000Z'));
    const readings = [clock.now().toISOString()];
    clock.advance(90_000);
    readings.push(clock.now().toISOString());
    clock.set(new Date('2030-06-15T12:00:00.000Z'));
    readings.push(clock.now().toISOString());
    expect(readings).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:01:30.000Z', '2030-06-15T12:00:00.000Z']);
  });
});
