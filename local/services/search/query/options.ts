// Reading a query clause's body: shapes, option names and the values OpenSearch accepts.
import { parsingError, unsupported } from '../errors';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function clauseObject(value: unknown, query: string): Json {
  if (!isObject(value)) throw parsingError(`[${query}] query malformed, no start_object after query name`);
  return value;
}

/** A clause like `{ match: { title: ... } }` names exactly one field. */
export function singleField(body: Json, query: string): [string, unknown] {
  const entries = Object.entries(body);
  if (entries.length === 0) throw parsingError(`[${query}] query malformed, no field specified`);
  if (entries.length > 1) throw parsingError(`[${query}] query doesn't support multiple fields, found [${entries[0][0]}] and [${entries[1][0]}]`);
  return entries[0];
}

/** Refuses any option outside `allowed`, naming it, instead of silently ignoring it. */
export function onlyOptions(body: Json, allowed: readonly string[], query: string): void {
  const other = Object.keys(body).find((key) => !allowed.includes(key));
  if (other !== undefined) throw unsupported(`option [${other}] of [${query}] queries`);
}

export function boostOf(body: Json, query: string): number {
  if (body.boost === undefined) return 1;
  const boost = Number(body.boost);
  if (!Number.isFinite(boost) || boost < 0) throw parsingError(`[${query}] query: boost must be a non-negative number, got [${String(body.boost)}]`);
  return boost;
}

export function operatorOf(value: unknown, query: string): 'or' | 'and' {
  if (value === undefined) return 'or';
  const operator = String(value).toLowerCase();
  if (operator !== 'or' && operator !== 'and') throw parsingError(`[${query}] query does not support [operator] value [${String(value)}]`);
  return operator;
}

/** `fuzziness`: 0, 1, 2 or AUTO (AUTO:3,6: no edits up to 2 characters, 1 up to 5, then 2). */
export function fuzzinessOf(value: unknown, query: string): ((term: string) => number) | undefined {
  if (value === undefined) return undefined;
  const text = String(value).toUpperCase();
  if (/^[0-2]$/.test(text)) {
    const distance = Number(text);
    return distance === 0 ? undefined : () => distance;
  }
  const auto = /^AUTO(?::(\d+),(\d+))?$/.exec(text);
  if (!auto) throw unsupported(`fuzziness [${String(value)}] of [${query}]: use 0, 1, 2 or AUTO`);
  const low = Number(auto[1] ?? 3);
  const high = Number(auto[2] ?? 6);
  return (term) => (term.length < low ? 0 : term.length < high ? 1 : 2);
}

/** `minimum_should_match`: 2, -1, "75%", "-25%". Returns how many of `count` clauses must match. */
export function minimumShouldMatchOf(value: unknown, query: string): ((count: number) => number) | undefined {
  if (value === undefined) return undefined;
  const match = /^(-?)(\d+)(%?)$/.exec(String(value).trim());
  if (!match) throw unsupported(`minimum_should_match [${String(value)}] of [${query}]: use an integer or a percentage`);
  const [, negative, digits, percent] = match;
  const amount = Number(digits);
  return (count) => {
    const part = percent ? Math.floor((count * amount) / 100) : amount;
    return negative ? Math.max(0, count - part) : part;
  };
}
