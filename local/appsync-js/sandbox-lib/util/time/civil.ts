// Calendar fields of an instant in a zone, and back: proleptic Gregorian, ISO weeks (Monday = 1).

export interface CivilFields {
  /** Proleptic year: 0 is 1 BC. */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nano: number;
  /** 1 = Monday ... 7 = Sunday. */
  dayOfWeek: number;
  dayOfYear: number;
  offsetSeconds: number;
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function monthLength(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Milliseconds since the epoch of a local date-time read as UTC. */
export function localToMillis(year: number, month: number, day: number, hour: number, minute: number, second: number, milli: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, milli);
  return date.getTime();
}

export function civilFields(epochMillis: number, offsetSeconds: number): CivilFields {
  const date = new Date(epochMillis + offsetSeconds * 1000);
  const year = date.getUTCFullYear();
  const startOfYear = localToMillis(year, 1, 1, 0, 0, 0, 0);
  const startOfDay = localToMillis(year, date.getUTCMonth() + 1, date.getUTCDate(), 0, 0, 0, 0);
  return {
    year,
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    nano: date.getUTCMilliseconds() * 1_000_000,
    dayOfWeek: ((date.getUTCDay() + 6) % 7) + 1,
    dayOfYear: Math.round((startOfDay - startOfYear) / 86_400_000) + 1,
    offsetSeconds,
  };
}
