// The offset style behind each zone-offset pattern letter and count.
import { DateTimePatternError } from './pattern';
import type { OffsetStyle } from './offset-text';

const style = (colons: boolean, minutes: OffsetStyle['minutes'], seconds: boolean, zeroText: string | undefined): OffsetStyle => ({
  colons,
  minutes,
  seconds,
  zeroText,
});

/** 'X' (zero as "Z") and 'x' (zero as digits), by count: +HHmm, +HHMM, +HH:MM, +HHMMss, +HH:MM:ss. */
function isoStyle(count: number, zeroText: string | undefined): OffsetStyle {
  switch (count) {
    case 1: return style(false, 'optional', false, zeroText);
    case 2: return style(false, 'always', false, zeroText);
    case 3: return style(true, 'always', false, zeroText);
    case 4: return style(false, 'always', true, zeroText);
    default: return style(true, 'always', true, zeroText);
  }
}

/** The style of an offset letter, or 'localized' for the GMT forms ('O', 'ZZZZ'). */
export function offsetStyle(letter: string, count: number): OffsetStyle | 'localized-short' | 'localized-full' {
  switch (letter) {
    case 'X': return isoStyle(count, 'Z');
    case 'x': return isoStyle(count, undefined);
    case 'Z':
      if (count <= 3) return style(false, 'always', false, undefined);
      return count === 4 ? 'localized-full' : style(true, 'always', true, 'Z');
    case 'O': return count === 1 ? 'localized-short' : 'localized-full';
    default: throw new DateTimePatternError(`Not an offset pattern letter: ${letter}`);
  }
}
