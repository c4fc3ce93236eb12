// util.escapeJavaScript, util.urlEncode/urlDecode, util.base64Encode/base64Decode.
// AppSync's util runs on the JVM, so these follow the Java library behaviour they are built on.
import { fromCharCode } from '../primordials';
import { utf8Decode, utf8Encode } from './utf8';

/** A value util cannot decode: malformed percent-encoding or base64. */
export class InvalidEncodingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidEncodingError';
  }
}

const HEX = '0123456789ABCDEF';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SIMPLE_ESCAPES: Record<string, string> = {
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
};

/** Apache Commons Lang escapeEcmaScript: quotes, backslash, slash, control chars, non-ASCII as \uXXXX. */
export function escapeJavaScript(value: string): string {
  // Works on UTF-16 units, so an astral character becomes its two escaped surrogates, as in Java.
  const text = String(value);
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text[i];
    const code = text.charCodeAt(i);
    if (SIMPLE_ESCAPES[unit] !== undefined) {
      out += SIMPLE_ESCAPES[unit];
    } else if (code < 0x20 || code > 0x7f) {
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else {
      out += unit;
    }
  }
  return out;
}

/** java.net.URLEncoder with UTF-8: keeps A-Z a-z 0-9 . - * _, turns space into '+', %XX otherwise. */
export function urlEncode(value: string): string {
  let out = '';
  for (const byte of utf8Encode(String(value))) {
    const char = fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(char)) {
      out += char;
    } else if (byte === 0x20) {
      out += '+';
    } else {
      out += `%${HEX[byte >> 4]}${HEX[byte & 0xf]}`;
    }
  }
  return out;
}

/** java.net.URLDecoder with UTF-8: '+' is a space, runs of %XX are UTF-8 bytes, anything else stays. */
export function urlDecode(value: string): string {
  const text = String(value);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '+') {
      out += ' ';
      i += 1;
    } else if (char === '%') {
      const bytes: number[] = [];
      while (i < text.length && text[i] === '%') {
        if (i + 2 >= text.length) {
          throw new InvalidEncodingError('URLDecoder: Incomplete trailing escape (%) pattern');
        }
        const hex = text.slice(i + 1, i + 3);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
          throw new InvalidEncodingError(`URLDecoder: Illegal hex characters in escape (%) pattern - ${hex}`);
        }
        bytes.push(parseInt(hex, 16));
        i += 3;
      }
      out += utf8Decode(bytes);
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}

/** Standard base64 (RFC 4648, with padding) of the string's UTF-8 bytes. */
export function base64Encode(value: string): string {
  const bytes = utf8Encode(String(value));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(chunk >> 18) & 63] + BASE64[(chunk >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[chunk & 63] : '=';
  }
  return out;
}

/**
 * Decodes standard base64 into a UTF-8 string, like java.util.Base64's basic decoder: padding is
 * optional, any character outside the alphabet is an error.
 */
export function base64Decode(value: string): string {
  const text = String(value);
  const body = text.replace(/={1,2}$/, '');
  for (const char of body) {
    if (!BASE64.includes(char)) {
      throw new InvalidEncodingError(`Illegal base64 character ${char.charCodeAt(0).toString(16)}`);
    }
  }
  if ((text.length !== body.length && text.length % 4 !== 0) || body.length % 4 === 1) {
    throw new InvalidEncodingError('Input byte array has incorrect ending byte');
  }
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    buffer = (buffer << 6) | BASE64.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return utf8Decode(bytes);
}
