// Printing and parsing zone offsets in the styles of java.time's offset pattern letters.

/**
 * An offset style: `colons` between fields, `minutes` always / only when non-zero, `seconds` only
 * when non-zero, and the text used for a zero offset ("Z", or undefined to print digits).
 */
export interface OffsetStyle {
  colons: boolean;
  minutes: 'always' | 'optional';
  seconds: boolean;
  zeroText: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatOffset(totalSeconds: number, style: OffsetStyle): string {
  if (totalSeconds === 0 && style.zeroText !== undefined) return style.zeroText;
  const sign = totalSeconds < 0 ? '-' : '+';
  const abs = Math.abs(totalSeconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor(abs / 60) % 60;
  const seconds = abs % 60;
  const sep = style.colons ? ':' : '';
  let out = `${sign}${pad(hours)}`;
  if (style.minutes === 'always' || minutes !== 0 || (style.seconds && seconds !== 0)) out += `${sep}${pad(minutes)}`;
  if (style.seconds && seconds !== 0) out += `${sep}${pad(seconds)}`;
  return out;
}

/** Localized offsets ('O', 'ZZZZ'): "GMT", "GMT+8" (short) or "GMT+08:00" (full). */
export function formatLocalizedOffset(totalSeconds: number, full: boolean): string {
  if (totalSeconds === 0) return 'GMT';
  const sign = totalSeconds < 0 ? '-' : '+';
  const abs = Math.abs(totalSeconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor(abs / 60) % 60;
  const seconds = abs % 60;
  if (full) return `GMT${sign}${pad(hours)}:${pad(minutes)}${seconds ? `:${pad(seconds)}` : ''}`;
  return `GMT${sign}${hours}${minutes || seconds ? `:${pad(minutes)}` : ''}${seconds ? `:${pad(seconds)}` : ''}`;
}

/** Reads an offset in the given style at `from`; returns its seconds and the text length, or undefined. */
export function readOffset(text: string, from: number, style: OffsetStyle): { seconds: number; length: number } | undefined {
  if (style.zeroText !== undefined && text.startsWith(style.zeroText, from)) {
    return { seconds: 0, length: style.zeroText.length };
  }
  const sep = style.colons ? ':' : '';
  const pattern = new RegExp(`^([+-])(\\d{2})(?:${sep}(\\d{2})(?:${sep}(\\d{2}))?)?`);
  const match = pattern.exec(text.slice(from));
  if (!match) return undefined;
  const [whole, sign, hours, minutes, seconds] = match;
  if (style.minutes === 'always' && minutes === undefined) return undefined;
  if (!style.seconds && seconds !== undefined) {
    // The seconds belong to whatever follows; give them back.
    return finish(sign, hours, minutes, undefined, whole.length - sep.length - 2);
  }
  return finish(sign, hours, minutes, seconds, whole.length);
}

function finish(sign: string, hours: string, minutes: string | undefined, seconds: string | undefined, length: number) {
  const h = Number(hours);
  const m = Number(minutes ?? 0);
  const s = Number(seconds ?? 0);
  if (h > 18 || m > 59 || s > 59) return undefined;
  const total = h * 3600 + m * 60 + s;
  return { seconds: sign === '-' ? -total : total, length };
}

/** Reads a localized offset: "GMT", "GMT+8", "GMT+8:30", "GMT+08:00". */
export function readLocalizedOffset(text: string, from: number): { seconds: number; length: number } | undefined {
  const match = /^GMT(?:([+-])(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?)?/.exec(text.slice(from));
  if (!match) return undefined;
  if (match[1] === undefined) return { seconds: 0, length: 3 };
  return finish(match[1], match[2], match[3], match[4], match[0].length);
}
