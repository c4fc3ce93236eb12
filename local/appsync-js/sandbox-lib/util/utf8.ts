// UTF-8 and base64 by hand: a bare vm context has neither TextEncoder nor Buffer.
import { fromCodePoint } from '../primordials';

/** Encodes a string as UTF-8; a lone surrogate becomes '?', as Java's String.getBytes(UTF_8) does. */
export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 1;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      bytes.push(0x3f);
    } else if (code < 0x80) {
      bytes.push(code);
    } else if (code < 0x800) {
      bytes.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    } else {
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 0x3f),
        0x80 | ((code >> 6) & 0x3f),
        0x80 | (code & 0x3f),
      );
    }
  }
  return bytes;
}

/** Decodes UTF-8; each malformed sequence becomes U+FFFD, as Java's new String(bytes, UTF_8) does. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const first = bytes[i];
    const [length, min] =
      first < 0x80 ? [1, 0] : first >= 0xc2 && first < 0xe0 ? [2, 0x80] : first >= 0xe0 && first < 0xf0 ? [3, 0x800] : first >= 0xf0 && first < 0xf5 ? [4, 0x10000] : [0, 0];
    if (length === 0) {
      out += '\ufffd';
      i += 1;
      continue;
    }
    let code = length === 1 ? first : first & (0xff >> (length + 1));
    let taken = 1;
    while (taken < length && i + taken < bytes.length && (bytes[i + taken] & 0xc0) === 0x80) {
      code = (code << 6) | (bytes[i + taken] & 0x3f);
      taken += 1;
    }
    if (taken < length || code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      out += '\ufffd';
      i += taken;
      continue;
    }
    out += fromCodePoint(code);
    i += length;
  }
  return out;
}
