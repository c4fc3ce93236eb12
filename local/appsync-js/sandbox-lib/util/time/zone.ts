// Time zones for util.time, as java.time.ZoneId.of reads them: "Z", "UTC"/"GMT"/"UT", fixed offsets
// such as "+08:00", "-07:00:30", "+8", "+0830", prefixed offsets such as "UTC+8" or "GMT-05:00",
// and IANA region ids ("Australia/Perth"), whose rules come from Intl.

/** util.time was given a time zone id it cannot resolve. */
export class UnknownTimeZoneError extends Error {
  constructor(id: string, options?: { cause?: unknown }) {
    super(`Unknown time-zone ID: ${id}`, options);
    this.name = 'UnknownTimeZoneError';
  }
}

export interface Zone {
  /** The id java.time would print for 'VV': the region id, or the normalized offset ("Z", "+08:00"). */
  readonly id: string;
  /** The zone's offset from UTC, in seconds, at the given instant. */
  offsetSecondsAt(epochMillis: number): number;
  /** The zone name for 'z' (short) and 'zzzz' (long). */
  name(epochMillis: number, style: 'short' | 'long'): string;
}

/** The id java.time gives a fixed offset: "Z" for zero, else ±HH:MM with :SS only when needed. */
export function offsetId(totalSeconds: number): string {
  if (totalSeconds === 0) return 'Z';
  const sign = totalSeconds < 0 ? '-' : '+';
  const abs = Math.abs(totalSeconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds ? `:${pad(seconds)}` : ''}`;
}

export function fixedZone(totalSeconds: number, id = offsetId(totalSeconds)): Zone {
  return {
    id,
    offsetSecondsAt: () => totalSeconds,
    name: () => id,
  };
}

export const UTC_ZONE = fixedZone(0);

/** Parses the offset forms ZoneOffset.of accepts; undefined when the text is not one. */
export function parseOffset(text: string): number | undefined {
  const match = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const [, sign, hours, minutes = '0', seconds = '0'] = match;
  // ZoneOffset.of is strict about shapes: "+hh:mm" and "+hhmm" but not "+h:mm" or mixed colons.
  const body = text.slice(1);
  if (!/^(\d{1,2}|\d{2}:\d{2}|\d{4}|\d{2}:\d{2}:\d{2}|\d{6})$/.test(body)) return undefined;
  const h = Number(hours);
  const m = Number(minutes);
  const s = Number(seconds);
  if (h > 18 || m > 59 || s > 59) return undefined;
  const total = h * 3600 + m * 60 + s;
  if (total > 18 * 3600) return undefined;
  return sign === '-' ? -total : total;
}

function regionZone(id: string): Zone {
  let numeric: Intl.DateTimeFormat;
  try {
    numeric = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (cause) {
    throw new UnknownTimeZoneError(id, { cause });
  }
  // Intl reads ids case-insensitively; java.time wants the exact spelling.
  const resolved = numeric.resolvedOptions().timeZone;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(id) || (resolved !== id && resolved.toLowerCase() === id.toLowerCase())) {
    throw new UnknownTimeZoneError(id);
  }
  const names = {
    short: new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'short' }),
    long: new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'long' }),
  };
  return {
    id,
    offsetSecondsAt(epochMillis) {
      const parts: Record<string, string> = {};
      for (const part of numeric.formatToParts(new Date(epochMillis))) parts[part.type] = part.value;
      const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
      const local = new Date(0);
      local.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
      local.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
      const wholeSeconds = Math.floor(epochMillis / 1000) * 1000;
      return Math.round((local.getTime() - wholeSeconds) / 1000);
    },
    name(epochMillis, style) {
      const part = names[style].formatToParts(new Date(epochMillis)).find((p) => p.type === 'timeZoneName');
      return part?.value ?? id;
    },
  };
}

/** Resolves a zone id the way java.time.ZoneId.of does. */
export function resolveZone(id: string): Zone {
  const text = String(id);
  if (text === 'Z') return UTC_ZONE;
  if (text.startsWith('+') || text.startsWith('-')) {
    const offset = parseOffset(text);
    if (offset === undefined) throw new UnknownTimeZoneError(text);
    return fixedZone(offset);
  }
  const prefixed = /^(UTC|GMT|UT)([+-].*)?$/.exec(text);
  if (prefixed) {
    if (prefixed[2] === undefined) return fixedZone(0, text);
    const offset = parseOffset(prefixed[2]);
    if (offset === undefined) throw new UnknownTimeZoneError(text);
    return fixedZone(offset, `${prefixed[1]}${offsetId(offset) === 'Z' ? '' : offsetId(offset)}`);
  }
  return regionZone(text);
}
