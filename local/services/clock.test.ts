import { ClockAdvanceError, ManualClock, OffsetClock } from './clock';

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

describe('OffsetClock', () => {
  it('follows its base clock plus every advance so far', () => {
    const base = new ManualClock(new Date('2026-01-01T00:00:00.000Z'));
    const clock = new OffsetClock(base);
    const readings = [clock.now().toISOString()];
    clock.advance(181 * 86_400_000);
    readings.push(clock.now().toISOString());
    base.advance(1_000);
    readings.push(clock.now().toISOString());
    clock.advance(60_000);
    readings.push(clock.now().toISOString());
    expect({ readings, offsetMs: clock.offsetMs }).toEqual({
      readings: ['2026-01-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z', '2026-07-01T00:00:01.000Z', '2026-07-01T00:01:01.000Z'],
      offsetMs: 181 * 86_400_000 + 60_000,
    });
  });

  it('refuses to move backwards or by a non-finite amount', () => {
    const clock = new OffsetClock(new ManualClock(new Date('2026-01-01T00:00:00.000Z')));
    expect(() => clock.advance(-1)).toThrow(new ClockAdvanceError(-1));
    expect(() => clock.advance(Number.NaN)).toThrow(ClockAdvanceError);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});
