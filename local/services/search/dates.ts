// Dates as OpenSearch's default `strict_date_optional_time||epoch_millis` reads them, kept as epoch
// milliseconds (what sort values and range bounds compare). A time without a zone is UTC.
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/;
const EPOCH_MILLIS = /^-?\d+$/;
const DATE_MATH = /^now((?:[+-]\d+[wdhms])*)$/;
const UNIT_MS: Readonly<Record<string, number>> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

export function parseDate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value !== 'string') return undefined;
  // In the format's order: "2024" is the year 2024, not 2024 ms after the epoch.
  const match = ISO_DATE.exec(value);
  if (!match) return EPOCH_MILLIS.test(value) ? Number(value) : undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  const check = new Date(utc);
  // Date.UTC rolls 2024-02-31 over to March; a strict parser refuses it.
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
}

/** A range bound on a date field: a date, epoch millis, or `now` with whole-unit offsets (`now-7d`). */
export function parseDateBound(value: unknown, now: number): number | undefined {
  if (typeof value === 'string') {
    const math = DATE_MATH.exec(value);
    if (math) {
      let at = now;
      for (const [, sign, amount, unit] of math[1].matchAll(/([+-])(\d+)([wdhms])/g)) at += (sign === '-' ? -1 : 1) * Number(amount) * UNIT_MS[unit];
      return at;
    }
  }
  return parseDate(value);
}

export const isDateMath = (value: unknown): boolean => typeof value === 'string' && value.startsWith('now');
