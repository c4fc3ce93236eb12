// util.matches(pattern, value) follows java.util.regex: Pattern.matches, so the whole value must
// match, with Java's escape and class syntax. This translates a Java pattern into an equivalent
// JavaScript RegExp and refuses, by name, the constructs JavaScript cannot express.
import { arrayFrom } from '../primordials';

/** A Java regex construct with no JavaScript equivalent, or a malformed pattern. */
export class UnsupportedPatternError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnsupportedPatternError';
  }
}

/** Java's POSIX classes (US-ASCII only), as JavaScript class contents. */
const POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};
/** Java's \s is ASCII whitespace only; JavaScript's includes Unicode spaces. */
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
/** Unicode binary properties that Java (\p{IsName}) and JavaScript (\p{Name}) share. */
const BINARY_PROPERTIES = new Set(['Alphabetic', 'Ideographic', 'Lowercase', 'Uppercase', 'White_Space', 'Hex_Digit', 'Join_Control', 'Noncharacter_Code_Point', 'Assigned']);
const INLINE_FLAGS: Readonly<Record<string, string>> = { i: 'i', m: 'm', s: 's', u: '', d: '' };

function escapeUnit(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

interface Translation {
  source: string;
  flags: string;
}

export function translateJavaPattern(pattern: string): Translation {
  let flags = '';
  let i = 0;
  // Java allows flags such as (?i) anywhere; JavaScript on this runtime only as RegExp flags, so
  // they are accepted at the very start of the pattern.
  for (let lead = /^\(\?([a-zA-Z]+)\)/.exec(pattern); lead; lead = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(i))) {
    for (const flag of lead[1]) {
      if (INLINE_FLAGS[flag] === undefined) {
        throw new UnsupportedPatternError(`Unsupported inline flag (?${flag}) in ${JSON.stringify(pattern)}`);
      }
      if (!flags.includes(INLINE_FLAGS[flag])) flags += INLINE_FLAGS[flag];
    }
    i += lead[0].length;
  }
  let out = '';
  let inClass = false;
  let unicode = false;
  // Whether the last thing written was a quantifier, so that a '+' after it makes it possessive.
  let afterQuantifier = false;
  while (i < pattern.length) {
    const char = pattern[i];
    const wasQuantifier: boolean = afterQuantifier;
    afterQuantifier = false;
    if (char === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new UnsupportedPatternError(`Trailing backslash at index ${i} of ${JSON.stringify(pattern)}`);
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const quoted = pattern.slice(i + 2, end < 0 ? pattern.length : end);
        out += arrayFrom(quoted, (c) => (/[A-Za-z0-9]/.test(c) ? c : escapeUnit(c))).join('');
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if (next === 'p' || next === 'P') {
        const match = /^\\[pP]\{(\^?)([A-Za-z_]+)\}|^\\[pP]([A-Z])/.exec(pattern.slice(i));
        if (!match) throw new UnsupportedPatternError(`Malformed \\${next} escape in ${JSON.stringify(pattern)}`);
        const negated = (next === 'P') !== (match[1] === '^');
        const name = match[2] ?? match[3];
        const posix = POSIX_CLASSES[name];
        if (posix !== undefined) {
          if (inClass && negated) throw new UnsupportedPatternError(`Negated \\P{${name}} inside a class is not supported`);
          out += inClass ? posix : `[${negated ? '^' : ''}${posix}]`;
        } else {
          // Unicode categories, binary properties and scripts: Java's IsL / IsAlphabetic / IsLatin
          // are JavaScript's L / Alphabetic / Script=Latin.
          const category = name.replace(/^Is/, '');
          const property = /^[A-Z][a-z]?$/.test(category) || BINARY_PROPERTIES.has(category) ? category : `Script=${category}`;
          if (name.startsWith('In')) throw new UnsupportedPatternError(`Unicode blocks (\\p{${name}}) are not supported`);
          out += `\\${negated ? 'P' : 'p'}{${property}}`;
          unicode = true;
        }
        i += match[0].length;
        continue;
      }
      i += 2;
      if (/[A-Za-z]/.test(next)) {
        out += translateLetterEscape(next, inClass, pattern);
      } else if (/[0-9]/.test(next)) {
        if (inClass) throw new UnsupportedPatternError(`Back reference inside a class in ${JSON.stringify(pattern)}`);
        out += `\\${next}`;
      } else {
        // Java lets any non-letter be escaped; \uXXXX is the one spelling that JavaScript reads
        // literally both inside and outside a class, and in unicode mode too.
        out += escapeUnit(next);
      }
      continue;
    }
    if (inClass) {
      if (char === '[') throw new UnsupportedPatternError(`Nested character classes are not supported: ${JSON.stringify(pattern)}`);
      if (char === '&' && pattern[i + 1] === '&') throw new UnsupportedPatternError(`Class intersection (&&) is not supported: ${JSON.stringify(pattern)}`);
      if (char === ']') inClass = false;
      out += char;
      i += 1;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      i += 1;
      // A ']' right after '[' or '[^' is a literal in Java.
      if (pattern[i] === '^') {
        out += '^';
        i += 1;
      }
      if (pattern[i] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if (char === '(' && pattern[i + 1] === '?') {
      const kind = pattern[i + 2];
      if (kind === '>') throw new UnsupportedPatternError(`Atomic groups (?>...) are not supported: ${JSON.stringify(pattern)}`);
      if (kind !== ':' && kind !== '=' && kind !== '!' && kind !== '<') {
        throw new UnsupportedPatternError(`Inline flags are only supported at the start of the pattern: ${JSON.stringify(pattern)}`);
      }
    }
    const quantifier = /^(?:[*+?]|\{\d+(?:,\d*)?\})/.exec(pattern.slice(i))?.[0];
    if (quantifier !== undefined) {
      if (quantifier === '+' && wasQuantifier) {
        throw new UnsupportedPatternError(`Possessive quantifiers are not supported: ${JSON.stringify(pattern)}`);
      }
      // A '?' after a quantifier makes it lazy, and nothing may follow that.
      afterQuantifier = !(quantifier === '?' && wasQuantifier);
      out += quantifier;
      i += quantifier.length;
      continue;
    }
    out += char;
    i += 1;
  }
  if (unicode) flags += 'u';
  return { source: out, flags };
}

function translateLetterEscape(letter: string, inClass: boolean, pattern: string): string {
  switch (letter) {
    case 'd': case 'D': case 'w': case 'W': case 'b': case 'B':
    case 't': case 'n': case 'r': case 'f': case 'x': case 'u': case 'c':
      return `\\${letter}`;
    case 's':
      return inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
    case 'S':
      return inClass ? '\\S' : `[^${JAVA_SPACE}]`;
    case 'a':
      return '\\x07';
    case 'e':
      return '\\x1B';
    case 'A':
      return '^';
    case 'z':
      return '(?![\\s\\S])';
    case 'Z':
      return '(?=\\n?(?![\\s\\S]))';
    default:
      throw new UnsupportedPatternError(`Unsupported escape \\${letter} in ${JSON.stringify(pattern)}`);
  }
}

/** Runs one search: `new RegExp(source, flags).test(value)`. */
export type RegexTest = (source: string, flags: string, value: string) => boolean;

/** Pattern.matches(pattern, value): true when the entire value matches. `test` runs the search. */
export function matches(pattern: string, value: string, test: RegexTest): boolean {
  const { source, flags } = translateJavaPattern(String(pattern));
  // A whole-input match. `^…$` is what V8's linear-time fallback engine can run (see
  // sandbox/regexp-backtracking.ts); under the m flag those match at line breaks, so sticky from
  // index 0 and "nothing after" take their place there.
  const anchored = flags.includes('m') ? { source: `(?:${source})(?![\\s\\S])`, flags: `${flags}y` } : { source: `^(?:${source})$`, flags };
  try {
    // Compiling is linear in the pattern; only the search can run away, so it runs elsewhere.
    new RegExp(anchored.source, anchored.flags);
  } catch (cause) {
    throw new UnsupportedPatternError(`Invalid pattern ${JSON.stringify(pattern)}`, { cause });
  }
  return test(anchored.source, anchored.flags, String(value));
}
