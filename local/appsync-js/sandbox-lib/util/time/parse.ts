// Parsing text with a Java DateTimeFormatter pattern into an instant, resolving like java.time's
// SMART resolver: a day past the month's end is clamped, 24:00 is the next midnight, missing time
// fields are zero and a missing zone falls back to the one given.
import { DAYS, localToMillis, monthLength, MONTHS } from './civil';
import { readLocalizedOffset, readOffset } from './offset-text';
import { type Token } from './pattern';
import { resolveZone, type Zone } from './zone';
import { offsetStyle } from './zone-letters';

/** Text that does not match its pattern, or names an impossible date. */
export class DateTimeParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DateTimeParseError';
  }
}

type Fields = Record<string, number>;
interface State {
  text: string;
  fields: Fields;
  zone?: Zone;
  offset?: number;
}

const FIXED_WIDTH_LETTERS = new Set(['M', 'L', 'd', 'h', 'K', 'k', 'H', 'm', 's', 'D', 'Q', 'q']);

/** Digits a numeric field reads: [min, max]; undefined for a text field. */
function width(token: Token & { kind: 'field' }): [number, number] | undefined {
  const { letter, count } = token;
  if ((letter === 'M' || letter === 'L' || letter === 'Q' || letter === 'q') && count >= 3) return undefined;
  if (letter === 'y' || letter === 'u') return count === 2 ? [2, 2] : [count, 19];
  if (letter === 'S') return [count, count];
  if (letter === 'A' || letter === 'n' || letter === 'N') return [count, 19];
  if (letter === 'D') return count === 1 ? [1, 3] : [count, 3];
  if (FIXED_WIDTH_LETTERS.has(letter)) return count === 1 ? [1, 2] : [count, count];
  return undefined;
}

/** Digits the numeric fields right after `index` need, so a variable-width field leaves them. */
function reservedAfter(tokens: readonly Token[], index: number): number {
  let reserved = 0;
  for (const next of tokens.slice(index + 1)) {
    if (next.kind !== 'field') break;
    const w = width(next);
    if (!w) break;
    reserved += w[0];
  }
  return reserved;
}

function readText(state: State, pos: number, options: readonly string[]): { index: number; length: number } | undefined {
  let best: { index: number; length: number } | undefined;
  options.forEach((option, index) => {
    if (state.text.startsWith(option, pos) && (!best || option.length > best.length)) best = { index, length: option.length };
  });
  return best;
}

function textOptions(names: readonly string[], count: number): string[] {
  return names.map((name) => (count <= 3 ? name.slice(0, 3) : count === 4 ? name : name[0]));
}

function setField(state: State, key: string, value: number): boolean {
  if (state.fields[key] !== undefined && state.fields[key] !== value) return false;
  state.fields[key] = value;
  return true;
}

function parseField(state: State, pos: number, token: Token & { kind: 'field' }, reserved: number): number | undefined {
  const { letter, count } = token;
  const digits = width(token);
  if (digits) {
    const negative = letter === 'u' && state.text[pos] === '-';
    const start = negative ? pos + 1 : pos;
    const run = /^\d*/.exec(state.text.slice(start))?.[0] ?? '';
    const take = Math.min(digits[1], Math.max(digits[0], run.length - reserved));
    if (run.length < take || take < digits[0]) return undefined;
    const raw = run.slice(0, take);
    let value = Number(raw);
    if (letter === 'S') value = Number(raw.padEnd(9, '0'));
    if (letter === 'y' && count === 2) value += 2000;
    if (negative) value = -value;
    const key = letter === 'L' ? 'M' : letter === 'q' ? 'Q' : letter;
    return setField(state, key, value) ? start + take : undefined;
  }
  switch (letter) {
    case 'M':
    case 'L': {
      const found = readText(state, pos, textOptions(MONTHS, count));
      return found && setField(state, 'M', found.index + 1) ? pos + found.length : undefined;
    }
    case 'Q':
    case 'q': {
      const names = count === 3 ? ['Q1', 'Q2', 'Q3', 'Q4'] : count === 4 ? ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'] : ['1', '2', '3', '4'];
      const found = readText(state, pos, names);
      return found && setField(state, 'Q', found.index + 1) ? pos + found.length : undefined;
    }
    case 'E': {
      const found = readText(state, pos, textOptions(DAYS, count));
      return found && setField(state, 'E', found.index + 1) ? pos + found.length : undefined;
    }
    case 'a': {
      const found = readText(state, pos, ['AM', 'PM']);
      return found && setField(state, 'a', found.index) ? pos + found.length : undefined;
    }
    case 'G': {
      const names = count === 4 ? ['Before Christ', 'Anno Domini'] : count === 5 ? ['B', 'A'] : ['BC', 'AD'];
      const found = readText(state, pos, names);
      return found && setField(state, 'G', found.index) ? pos + found.length : undefined;
    }
    case 'V':
    case 'z': {
      const id = /^[A-Za-z][A-Za-z0-9~/._+-]*/.exec(state.text.slice(pos))?.[0];
      if (!id) return undefined;
      try {
        state.zone = resolveZone(id);
      } catch (cause) {
        throw new DateTimeParseError(`Text '${state.text}' could not be parsed: unknown time-zone ID '${id}' at index ${pos}`, { cause });
      }
      return pos + id.length;
    }
    default: {
      const style = offsetStyle(letter, count);
      const found =
        style === 'localized-short' || style === 'localized-full'
          ? readLocalizedOffset(state.text, pos)
          : readOffset(state.text, pos, style);
      if (!found) return undefined;
      state.offset = found.seconds;
      return pos + found.length;
    }
  }
}

function parseTokens(state: State, pos: number, tokens: readonly Token[]): number | undefined {
  let at = pos;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token.kind === 'literal') {
      if (!state.text.startsWith(token.text, at)) return undefined;
      at += token.text.length;
    } else if (token.kind === 'optional') {
      const saved = { fields: { ...state.fields }, zone: state.zone, offset: state.offset };
      const end = parseTokens(state, at, token.tokens);
      if (end === undefined) Object.assign(state, saved);
      else at = end;
    } else {
      const end = parseField(state, at, token, reservedAfter(tokens, index));
      if (end === undefined) return undefined;
      at = end;
    }
  }
  return at;
}

function fail(text: string, why: string): never {
  throw new DateTimeParseError(`Text '${text}' could not be parsed: ${why}`);
}

function inRange(text: string, name: string, value: number, min: number, max: number): number {
  if (value < min || value > max) fail(text, `Invalid value for ${name} (valid values ${min} - ${max}): ${value}`);
  return value;
}

/** Parses `text` with the pattern's tokens; `defaultZone` applies when the text names no zone. */
export function parseToEpochMillis(text: string, tokens: readonly Token[], defaultZone: Zone): number {
  const state: State = { text, fields: {} };
  const end = parseTokens(state, 0, tokens);
  if (end === undefined) fail(text, 'it does not match the pattern');
  if (end !== text.length) fail(text, `unparsed text found at index ${end}`);
  const f = state.fields;
  const yearOfEra = f.y;
  let year = f.u ?? (yearOfEra !== undefined ? (f.G === 0 ? 1 - yearOfEra : yearOfEra) : undefined);
  if (year === undefined) fail(text, 'the pattern has no year');
  year = inRange(text, 'Year', year, -999_999_999, 999_999_999);
  let month: number;
  let day: number;
  if (f.D !== undefined && f.M === undefined && f.d === undefined) {
    const dayOfYear = inRange(text, 'DayOfYear', f.D, 1, 366);
    const date = new Date(localToMillis(year, 1, dayOfYear, 0, 0, 0, 0));
    month = date.getUTCMonth() + 1;
    day = date.getUTCDate();
  } else {
    month = inRange(text, 'MonthOfYear', f.M ?? 1, 1, 12);
    day = Math.min(inRange(text, 'DayOfMonth', f.d ?? 1, 1, 31), monthLength(year, month));
  }
  let hour = f.H ?? (f.k !== undefined ? inRange(text, 'ClockHourOfDay', f.k, 1, 24) % 24 : undefined);
  if (hour === undefined && (f.h !== undefined || f.K !== undefined)) {
    const hourOfAmPm = f.h !== undefined ? inRange(text, 'ClockHourOfAmPm', f.h, 1, 12) % 12 : inRange(text, 'HourOfAmPm', f.K, 0, 11);
    hour = hourOfAmPm + (f.a === 1 ? 12 : 0);
  }
  let minute = f.m ?? 0;
  let second = f.s ?? 0;
  let nano = f.S ?? f.n ?? 0;
  if (f.A !== undefined && hour === undefined) {
    const milliOfDay = inRange(text, 'MilliOfDay', f.A, 0, 86_399_999);
    hour = Math.floor(milliOfDay / 3_600_000);
    minute = Math.floor(milliOfDay / 60_000) % 60;
    second = Math.floor(milliOfDay / 1000) % 60;
    nano = (milliOfDay % 1000) * 1_000_000;
  }
  hour = inRange(text, 'HourOfDay', hour ?? 0, 0, 24);
  inRange(text, 'MinuteOfHour', minute, 0, 59);
  inRange(text, 'SecondOfMinute', second, 0, 59);
  // 24:00 is the midnight that ends the day (SMART resolver); 24:01 is not a time.
  const endOfDay = hour === 24;
  if (endOfDay && (minute !== 0 || second !== 0 || nano !== 0)) fail(text, 'Invalid value for HourOfDay (valid values 0 - 23): 24');
  let local = localToMillis(year, month, day, endOfDay ? 0 : hour, minute, second, Math.floor(nano / 1_000_000));
  if (endOfDay) local += 86_400_000;
  if (f.E !== undefined) {
    const dayOfWeek = ((new Date(local).getUTCDay() + 6) % 7) + 1;
    if (dayOfWeek !== f.E) fail(text, `Conflict found: day of week ${f.E} differs from the date's ${dayOfWeek}`);
  }
  if (state.offset !== undefined) return local - state.offset * 1000;
  return localToInstant(local, state.zone ?? defaultZone);
}

/**
 * The instant of a local date-time in a zone, as ZonedDateTime.ofLocal: in an overlap the earlier
 * offset wins, in a gap the time moves forward by the gap's length.
 */
export function localToInstant(localMillis: number, zone: Zone): number {
  const before = zone.offsetSecondsAt(localMillis - 86_400_000);
  const after = zone.offsetSecondsAt(localMillis + 86_400_000);
  const valid = [before, after]
    .map((offset) => localMillis - offset * 1000)
    .filter((instant) => zone.offsetSecondsAt(instant) * 1000 === localMillis - instant);
  if (valid.length > 0) return Math.min(...valid);
  return localMillis - before * 1000;
}
