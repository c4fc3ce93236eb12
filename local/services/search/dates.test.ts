// Default date format `strict_date_optional_time||epoch_millis`:
// https://docs.opensearch.org/latest/field-types/supported-field-types/date/
import { parseDate, parseDateBound } from './dates';

describe('dates', () => {
  it('reads ISO dates (UTC unless zoned), partial dates and epoch millis; refuses the rest', () => {
    const inputs = ['2024-03-01', '2024-03', '2024', '2024-03-01T08:30', '2024-03-01T08:30:15.250Z', '2024-03-01T10:30:00+02:00', '1709281800000', 1709281800000, '2024-02-30', '01/03/2024', 'soon', true];
    expect(inputs.map((input) => [input, parseDate(input)])).toEqual([
      ['2024-03-01', Date.UTC(2024, 2, 1)],
      ['2024-03', Date.UTC(2024, 2, 1)],
      ['2024', Date.UTC(2024, 0, 1)],
      ['2024-03-01T08:30', Date.UTC(2024, 2, 1, 8, 30)],
      ['2024-03-01T08:30:15.250Z', Date.UTC(2024, 2, 1, 8, 30, 15, 250)],
      ['2024-03-01T10:30:00+02:00', Date.UTC(2024, 2, 1, 8, 30)],
      ['1709281800000', 1709281800000],
      [1709281800000, 1709281800000],
      ['2024-02-30', undefined],
      ['01/03/2024', undefined],
      ['soon', undefined],
      [true, undefined],
    ]);
  });

  it('resolves now with whole-unit offsets in range bounds, and nothing it cannot compute exactly', () => {
    const now = Date.UTC(2024, 2, 10, 12);
    expect(['now', 'now-7d', 'now+1h-30m', 'now-1M', 'now/d', '2024-03-01'].map((bound) => parseDateBound(bound, now))).toEqual([
      now,
      now - 7 * 86_400_000,
      now + 30 * 60_000,
      undefined,
      undefined,
      Date.UTC(2024, 2, 1),
    ]);
  });
});
