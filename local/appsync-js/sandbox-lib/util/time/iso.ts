// ISO 8601 text for util.time: UTC with milliseconds, as in AppSync's own examples
// ("2018-02-06T19:01:35.749Z"), and a parser for ISO 8601 date-times with an offset.
import { civilFields, localToMillis } from './civil';
import { DateTimeParseError, localToInstant } from './parse';
import { parseOffset, resolveZone, UTC_ZONE } from './zone';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** yyyy-MM-ddTHH:mm:ss.SSSZ in UTC, always with three fraction digits. */
export function toIso8601(epochMillis: number): string {
  const f = civilFields(epochMillis, 0);
  const year = f.year >= 0 && f.year <= 9999 ? pad(f.year, 4) : `${f.year < 0 ? '-' : '+'}${pad(Math.abs(f.year), 6)}`;
  return `${year}-${pad(f.month, 2)}-${pad(f.day, 2)}T${pad(f.hour, 2)}:${pad(f.minute, 2)}:${pad(f.second, 2)}.${pad(f.nano / 1_000_000, 3)}Z`;
}

const ISO_DATE_TIME =
  /^([+-]?\d{4,9})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?([Zz]|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?(?:\[([^\]]+)\])?$/;

/**
 * Parses an ISO 8601 date-time such as 2018-02-01T17:21:05.180+08:00 (ISO_DATE_TIME: offset,
 * optional [zone]). Without an offset or zone the time is read as UTC.
 */
export function parseIso8601(text: string): number {
  const match = ISO_DATE_TIME.exec(String(text));
  if (!match) throw new DateTimeParseError(`Text '${text}' could not be parsed as an ISO 8601 date-time`);
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset, zoneId] = match;
  const values = { month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) };
  if (values.month < 1 || values.month > 12 || values.day < 1 || values.day > 31 || values.hour > 23 || values.minute > 59 || values.second > 59) {
    throw new DateTimeParseError(`Text '${text}' could not be parsed: a field is out of range`);
  }
  const milli = Number(fraction.padEnd(9, '0').slice(0, 3));
  const local = localToMillis(Number(year), values.month, values.day, values.hour, values.minute, values.second, milli);
  if (new Date(local).getUTCDate() !== values.day) {
    throw new DateTimeParseError(`Text '${text}' could not be parsed: Invalid date`);
  }
  if (offset !== undefined) {
    const seconds = offset === 'Z' || offset === 'z' ? 0 : parseOffset(offset);
    if (seconds === undefined) throw new DateTimeParseError(`Text '${text}' could not be parsed: invalid offset ${offset}`);
    return local - seconds * 1000;
  }
  return localToInstant(local, zoneId !== undefined ? resolveZone(zoneId) : UTC_ZONE);
}
