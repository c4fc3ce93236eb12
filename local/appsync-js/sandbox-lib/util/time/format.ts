// Formatting an instant in a zone with a Java DateTimeFormatter pattern (English texts).
import { civilFields, DAYS, MONTHS, type CivilFields } from './civil';
import { formatLocalizedOffset, formatOffset } from './offset-text';
import { DateTimePatternError, type Token } from './pattern';
import type { Zone } from './zone';
import { offsetStyle } from './zone-letters';

const QUARTER_NAMES = ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];

function padded(value: number, width: number): string {
  const digits = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${digits}` : digits;
}

/** A year as java.time prints it: "yy" two digits, four or more letters exceed with a '+'. */
function year(value: number, count: number): string {
  if (count === 2) return padded(((value % 100) + 100) % 100, 2);
  const text = padded(value, count);
  return count >= 4 && value > 0 && String(value).length > count ? `+${text}` : text;
}

function text(full: string, count: number): string {
  if (count <= 3) return full.slice(0, 3);
  return count === 4 ? full : full[0];
}

function field(letter: string, count: number, f: CivilFields, zone: Zone, epochMillis: number): string {
  switch (letter) {
    case 'G': return count === 4 ? (f.year > 0 ? 'Anno Domini' : 'Before Christ') : count === 5 ? (f.year > 0 ? 'A' : 'B') : f.year > 0 ? 'AD' : 'BC';
    case 'y': return year(f.year > 0 ? f.year : 1 - f.year, count);
    case 'u': return year(f.year, count);
    case 'M':
    case 'L': return count <= 2 ? padded(f.month, count) : text(MONTHS[f.month - 1], count);
    case 'd': return padded(f.day, count);
    case 'D': return padded(f.dayOfYear, count);
    case 'Q':
    case 'q': {
      const quarter = Math.ceil(f.month / 3);
      return count <= 2 ? padded(quarter, count) : count === 3 ? `Q${quarter}` : count === 4 ? QUARTER_NAMES[quarter - 1] : String(quarter);
    }
    case 'E': return text(DAYS[f.dayOfWeek - 1], count);
    case 'a': return f.hour < 12 ? 'AM' : 'PM';
    case 'h': return padded(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'K': return padded(f.hour % 12, count);
    case 'k': return padded(f.hour === 0 ? 24 : f.hour, count);
    case 'H': return padded(f.hour, count);
    case 'm': return padded(f.minute, count);
    case 's': return padded(f.second, count);
    case 'S': return String(f.nano).padStart(9, '0').slice(0, count);
    case 'A': return padded(((f.hour * 60 + f.minute) * 60 + f.second) * 1000 + f.nano / 1_000_000, count);
    case 'n': return padded(f.nano, count);
    case 'N': return padded(((f.hour * 60 + f.minute) * 60 + f.second) * 1e9 + f.nano, count);
    case 'V': return zone.id;
    case 'z': return zone.name(epochMillis, count === 4 ? 'long' : 'short');
    case 'O':
    case 'X':
    case 'x':
    case 'Z': {
      const style = offsetStyle(letter, count);
      if (style === 'localized-short' || style === 'localized-full') return formatLocalizedOffset(f.offsetSeconds, style === 'localized-full');
      return formatOffset(f.offsetSeconds, style);
    }
    default: throw new DateTimePatternError(`Unknown pattern letter: ${letter}`);
  }
}

function render(tokens: readonly Token[], f: CivilFields, zone: Zone, epochMillis: number): string {
  return tokens
    .map((token) => {
      if (token.kind === 'literal') return token.text;
      // An instant in a zone has every field, so optional sections always print.
      if (token.kind === 'optional') return render(token.tokens, f, zone, epochMillis);
      return field(token.letter, token.count, f, zone, epochMillis);
    })
    .join('');
}

export function formatInstant(tokens: readonly Token[], epochMillis: number, zone: Zone): string {
  return render(tokens, civilFields(epochMillis, zone.offsetSecondsAt(epochMillis)), zone, epochMillis);
}
