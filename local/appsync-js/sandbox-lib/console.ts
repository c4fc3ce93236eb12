// `console` for resolver code, captured as log lines in the format EvaluateCode returns, e.g.
// `INFO - code.js:13:5: "This request is allowed"`
// (https://docs.aws.amazon.com/appsync/latest/devguide/test-debug-resolvers-js.html).
// The loader rewrites `console.x(...)` to `__outpost_at(line, column).x(...)`, so each line
// carries the position of the call in the resolver's own source.

type Level = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

const LEVELS: Record<string, Level> = { log: 'INFO', info: 'INFO', debug: 'DEBUG', warn: 'WARN', error: 'ERROR' };

export interface CapturedConsole {
  console: Record<string, (...args: unknown[]) => void>;
  /** Sets the position of the console call about to run, and returns the console. */
  at(line: number, column: number): Record<string, (...args: unknown[]) => void>;
  /** Lines logged since the last drain. */
  drain(): string[];
}

function formatArgument(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'function';
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json;
}

/**
 * `maxChars` caps the characters logged between two drains: a loop that logs a large value on every
 * turn would otherwise fill memory before the output cap is checked.
 */
export function createConsole(maxChars: number): CapturedConsole {
  let lines: string[] = [];
  let logged = 0;
  let position = '';
  const console: Record<string, (...args: unknown[]) => void> = {};
  for (const [method, level] of Object.entries(LEVELS)) {
    console[method] = (...args: unknown[]) => {
      const line = `${level} - code.js${position}: ${args.map(formatArgument).join(' ')}`;
      position = '';
      logged += line.length;
      if (logged > maxChars) throw new RangeError(`The evaluation logged more than ${maxChars} characters.`);
      lines.push(line);
    };
  }
  Object.freeze(console);
  return {
    console,
    at(line, column) {
      position = `:${line}:${column}`;
      return console;
    },
    drain() {
      const drained = lines;
      lines = [];
      logged = 0;
      return drained;
    },
  };
}
