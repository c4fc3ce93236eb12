// Java DateTimeFormatter patterns (DateTimeFormatterBuilder.appendPattern) as a token list.

/** A pattern DateTimeFormatter would reject, or a letter this runtime does not implement. */
export class DateTimePatternError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DateTimePatternError';
  }
}

export type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; letter: string; count: number }
  | { kind: 'optional'; tokens: Token[] };

/** The most letters each supported pattern letter takes. */
const MAX_COUNT: Readonly<Record<string, number>> = {
  G: 5, u: 19, y: 19, D: 3, M: 5, L: 5, d: 2, Q: 5, q: 5, E: 5,
  a: 1, h: 2, K: 2, k: 2, H: 2, m: 2, s: 2, S: 9, A: 19, n: 19, N: 19,
  V: 2, z: 4, O: 4, X: 5, x: 5, Z: 5,
};
/** Letters java.time knows but this runtime does not implement: week-based fields and padding. */
const UNSUPPORTED = new Set(['Y', 'w', 'W', 'e', 'c', 'F', 'g', 'B', 'p']);

function checkCount(letter: string, count: number): void {
  if (UNSUPPORTED.has(letter)) {
    throw new DateTimePatternError(`Pattern letter '${letter}' is not supported by this runtime`);
  }
  const max = MAX_COUNT[letter];
  if (max === undefined) throw new DateTimePatternError(`Unknown pattern letter: ${letter}`);
  if (count > max) throw new DateTimePatternError(`Too many pattern letters: ${letter}`);
  if (letter === 'V' && count !== 2) throw new DateTimePatternError('Pattern letter count must be 2: V');
  if ((letter === 'O' && count !== 1 && count !== 4)) {
    throw new DateTimePatternError('Pattern letter count must be 1 or 4: O');
  }
}

export function parsePattern(pattern: string): Token[] {
  const root: Token[] = [];
  const stack: Token[][] = [root];
  const current = () => stack[stack.length - 1];
  const pushLiteral = (text: string) => {
    const tokens = current();
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (/[A-Za-z]/.test(char)) {
      let count = 1;
      while (pattern[i + count] === char) count += 1;
      checkCount(char, count);
      current().push({ kind: 'field', letter: char, count });
      i += count;
    } else if (char === "'") {
      const end = findQuoteEnd(pattern, i + 1);
      const body = pattern.slice(i + 1, end);
      pushLiteral(body === '' ? "'" : body.replace(/''/g, "'"));
      i = end + 1;
    } else if (char === '[') {
      const optional: Token = { kind: 'optional', tokens: [] };
      current().push(optional);
      stack.push(optional.tokens);
      i += 1;
    } else if (char === ']') {
      if (stack.length === 1) throw new DateTimePatternError('Pattern invalid as it contains ] without previous [');
      stack.pop();
      i += 1;
    } else if (char === '{' || char === '}' || char === '#') {
      throw new DateTimePatternError(`Pattern includes reserved character: '${char}'`);
    } else {
      pushLiteral(char);
      i += 1;
    }
  }
  return root;
}

/** Index of the quote closing a literal that starts at `from` ('' inside is an escaped quote). */
function findQuoteEnd(pattern: string, from: number): number {
  let i = from;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      if (pattern[i + 1] === "'") {
        i += 2;
        continue;
      }
      return i;
    }
    i += 1;
  }
  throw new DateTimePatternError(`Pattern ends with an incomplete string literal: ${pattern}`);
}
