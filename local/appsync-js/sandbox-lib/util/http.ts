// util.http: forward request headers to an HTTP data source, and add custom response headers.
// Restrictions are those of https://docs.aws.amazon.com/appsync/latest/devguide/http-helpers-in-utils-http-js.html
import { arrayFrom } from '../primordials';
import type { SandboxHost } from '../host';

/** Hop-by-hop and framing headers that copyHeaders leaves out. */
const NOT_COPIED = new Set([
  'transfer-encoding',
  'connection',
  'host',
  'expect',
  'keep-alive',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'content-length',
]);
/** Names a custom response header may not take, besides NOT_COPIED. */
const RESERVED_RESPONSE = new Set([
  'access-control-allow-credentials',
  'access-control-allow-origin',
  'access-control-expose-headers',
  'access-control-max-age',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'vary',
  'content-type',
]);
const RESERVED_PREFIXES = ['x-amzn-', 'x-amz-'];
/** Custom response headers, names and values together, may not exceed 4 KB. */
const MAX_RESPONSE_HEADER_BYTES = 4096;

function utf8Length(text: string): number {
  return arrayFrom(text).reduce((sum, char) => {
    const code = char.codePointAt(0) ?? 0;
    return sum + (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);
  }, 0);
}

/** A header value as text: strings as they are, anything else as JSON. */
function headerValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function rejection(name: unknown, value: unknown, headers: Record<string, string>): string | undefined {
  if (typeof name !== 'string' || name === '') return 'Response header name must be a non-empty string';
  const lower = name.toLowerCase();
  if (NOT_COPIED.has(lower) || RESERVED_RESPONSE.has(lower) || RESERVED_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
    return `Response header name ${JSON.stringify(name)} is restricted`;
  }
  if (value === null || value === undefined) return `Response header ${JSON.stringify(name)} has a null value`;
  const others = Object.entries(headers).filter(([key]) => key.toLowerCase() !== lower);
  const size = [...others, [name, headerValue(value)]].reduce((sum, [key, text]) => sum + utf8Length(key) + utf8Length(text), 0);
  if (size > MAX_RESPONSE_HEADER_BYTES) {
    return `Response header ${JSON.stringify(name)} would take custom response headers over ${MAX_RESPONSE_HEADER_BYTES} bytes`;
  }
  return undefined;
}

export function createHttpUtil(host: SandboxHost) {
  // A rejected header is ignored and reported as a ResponseHeaderError in the operation's errors.
  const addResponseHeader = (name: string, value: unknown): void => {
    const { responseHeaders, errors } = host.state();
    const problem = rejection(name, value, responseHeaders);
    if (problem !== undefined) {
      errors.push({ message: problem, errorType: 'ResponseHeaderError' });
      return;
    }
    // The latest definition of a name wins, whatever its letter case.
    for (const key of Object.keys(responseHeaders)) {
      if (key.toLowerCase() === name.toLowerCase()) delete responseHeaders[key];
    }
    responseHeaders[name] = headerValue(value);
  };
  return {
    copyHeaders(headers: Record<string, unknown>): Record<string, unknown> {
      const copy: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(headers ?? {})) {
        if (!NOT_COPIED.has(name.toLowerCase())) copy[name] = value;
      }
      return copy;
    },
    addResponseHeader,
    addResponseHeaders(headers: Record<string, unknown>): void {
      for (const [name, value] of Object.entries(headers ?? {})) addResponseHeader(name, value);
    },
  };
}
