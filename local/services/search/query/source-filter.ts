// `_source` in a search: false, a field pattern, a list of them, or `{ includes, excludes }`.
import { badRequest } from '../errors';
import { isObject } from './options';

type Json = Record<string, unknown>;

/** Undefined: leave `_source` out of the hits. */
export type SourceFilter = ((source: Json) => Json) | undefined;

const patterns = (value: unknown, name: string): RegExp[] => {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === 'string')) throw badRequest(`[_source] ${name} must be strings`);
  return list.map((pattern) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`));
};

function filterObject(source: Json, prefix: string, includes: RegExp[], excludes: RegExp[]): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (excludes.some((pattern) => pattern.test(path))) continue;
    const included = includes.length === 0 || includes.some((pattern) => pattern.test(path));
    if (isObject(value) && !included) {
      // A pattern may name something inside this object (`author.name`).
      const inner = filterObject(value, path, includes, excludes);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else if (included) {
      out[key] = isObject(value) ? filterObject(value, path, [], excludes) : value;
    }
  }
  return out;
}

export function parseSourceFilter(raw: unknown): SourceFilter | 'whole' {
  if (raw === undefined || raw === true) return 'whole';
  if (raw === false) return undefined;
  if (typeof raw === 'string' || Array.isArray(raw)) {
    const includes = patterns(raw, 'includes');
    return (source) => filterObject(source, '', includes, []);
  }
  if (isObject(raw)) {
    const other = Object.keys(raw).find((key) => !['includes', 'excludes', 'include', 'exclude'].includes(key));
    if (other !== undefined) throw badRequest(`[_source] unknown key [${other}]`);
    const includes = patterns(raw.includes ?? raw.include, 'includes');
    const excludes = patterns(raw.excludes ?? raw.exclude, 'excludes');
    return (source) => filterObject(source, '', includes, excludes);
  }
  throw badRequest('[_source] must be a boolean, a string, an array or an object');
}
