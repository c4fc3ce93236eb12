// `highlight`, after OpenSearch's default (unified) highlighter: the field is split into sentences,
// sentences are grouped into passages of about `fragment_size` characters, the passages with the
// most matched terms are kept (`number_of_fragments`, in text order), and each matched token is
// wrapped in the tags. `number_of_fragments: 0` highlights the whole value.
import { unsupported, badRequest } from '../errors';
import type { IndexedField, IndexMapping } from '../mapping';
import type { Token } from '../analysis';
import { isObject } from './options';
import type { FieldTerms, HighlightTerms } from './types';

interface FieldOptions {
  readonly preTag: string;
  readonly postTag: string;
  readonly fragmentSize: number;
  readonly numberOfFragments: number;
  readonly orderByScore: boolean;
  readonly requireFieldMatch: boolean;
}

export interface HighlightPlan {
  readonly fields: readonly { readonly pattern: string; readonly options: FieldOptions }[];
}

const OPTIONS = ['pre_tags', 'post_tags', 'fragment_size', 'number_of_fragments', 'order', 'require_field_match', 'type', 'encoder'];

function tag(value: unknown, fallback: string, name: string): string {
  if (value === undefined) return fallback;
  if (Array.isArray(value) && value.length >= 1 && value.every((item) => typeof item === 'string')) {
    if (value.length > 1) throw unsupported(`more than one of [${name}] in highlight`);
    return value[0];
  }
  throw badRequest(`[highlight] ${name} must be an array of strings`);
}

function fieldOptions(raw: Record<string, unknown>, inherited: FieldOptions): FieldOptions {
  const other = Object.keys(raw).find((key) => !OPTIONS.includes(key));
  if (other !== undefined) throw unsupported(`highlight option [${other}]`);
  if (raw.type !== undefined && raw.type !== 'unified') throw unsupported(`highlighter type [${String(raw.type)}]: only unified`);
  if (raw.encoder !== undefined && raw.encoder !== 'default') throw unsupported(`highlight encoder [${String(raw.encoder)}]`);
  if (raw.order !== undefined && raw.order !== 'score' && raw.order !== 'none') throw badRequest(`Unknown highlight order [${String(raw.order)}]`);
  const count = (value: unknown, fallback: number, name: string) => {
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) throw badRequest(`[highlight] ${name} must be a non-negative integer`);
    return number;
  };
  return {
    preTag: tag(raw.pre_tags, inherited.preTag, 'pre_tags'),
    postTag: tag(raw.post_tags, inherited.postTag, 'post_tags'),
    fragmentSize: count(raw.fragment_size, inherited.fragmentSize, 'fragment_size'),
    numberOfFragments: count(raw.number_of_fragments, inherited.numberOfFragments, 'number_of_fragments'),
    orderByScore: raw.order === undefined ? inherited.orderByScore : raw.order === 'score',
    requireFieldMatch: raw.require_field_match === undefined ? inherited.requireFieldMatch : raw.require_field_match === true,
  };
}

export function parseHighlight(raw: unknown): HighlightPlan | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw badRequest('[highlight] must be an object');
  const { fields, ...globalRaw } = raw;
  const defaults: FieldOptions = { preTag: '<em>', postTag: '</em>', fragmentSize: 100, numberOfFragments: 5, orderByScore: false, requireFieldMatch: true };
  const global = fieldOptions(globalRaw, defaults);
  // `fields` is an object, or an array of one-field objects when their order matters.
  const entries = Array.isArray(fields) ? fields.flatMap((entry) => (isObject(entry) ? Object.entries(entry) : [])) : isObject(fields) ? Object.entries(fields) : undefined;
  if (!entries) throw badRequest('[highlight] requires [fields]');
  return { fields: entries.map(([pattern, options]) => ({ pattern, options: fieldOptions(isObject(options) ? options : {}, global) })) };
}

function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...current) > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
}

function isMatch(token: Token, wanted: FieldTerms): boolean {
  if (wanted.terms.has(token.term)) return true;
  const fuzziness = wanted.fuzziness;
  return fuzziness !== undefined && [...wanted.terms].some((term) => fuzziness(term) > 0 && editDistanceWithin(term, token.term, fuzziness(term)));
}

function mark(text: string, start: number, end: number, tokens: readonly Token[], options: FieldOptions): string {
  let out = '';
  let at = start;
  for (const token of tokens) {
    if (token.start < start || token.end > end) continue;
    out += text.slice(at, token.start) + options.preTag + text.slice(token.start, token.end) + options.postTag;
    at = token.end;
  }
  return out + text.slice(at, end);
}

const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Passages of whole sentences up to `fragmentSize` characters; a longer sentence is cut at a word end. */
function passages(text: string, fragmentSize: number): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | undefined;
  for (const { index, segment } of SENTENCES.segment(text)) {
    const end = index + segment.trimEnd().length;
    if (current && end - current.start <= fragmentSize) {
      current.end = end;
      continue;
    }
    if (current) result.push(current);
    let start = index;
    while (end - start > fragmentSize) {
      const cut = text.lastIndexOf(' ', start + fragmentSize);
      const stop = cut > start ? cut : start + fragmentSize;
      result.push({ start, end: stop });
      start = stop + 1;
    }
    current = { start, end };
  }
  if (current) result.push(current);
  return result;
}

function highlightValue(text: string, field: IndexedField, wanted: FieldTerms, options: FieldOptions): { fragment: string; score: number }[] {
  const matched = field.analyzer(text).filter((token) => isMatch(token, wanted));
  if (matched.length === 0) return [];
  if (options.numberOfFragments === 0) return [{ fragment: mark(text, 0, text.length, matched, options), score: matched.length }];
  return passages(text, options.fragmentSize)
    .map(({ start, end }) => {
      const inside = matched.filter((token) => token.start >= start && token.end <= end);
      // Distinct terms count most, repeats a little: a passage with both query words beats one word twice.
      const score = new Set(inside.map((token) => token.term)).size * 10 + inside.length;
      return { fragment: mark(text, start, end, inside, options), score: inside.length === 0 ? 0 : score };
    })
    .filter((passage) => passage.score > 0);
}

function patternMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return pattern === path;
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(path);
}

function sourceStrings(source: Record<string, unknown>, path: string): string[] {
  let values: unknown[] = [source];
  for (const segment of path.split('.')) {
    values = values.flatMap((value) => (isObject(value) ? [value[segment]] : [])).flatMap((value) => (Array.isArray(value) ? value.flat(Infinity) : [value]));
  }
  return values.filter((value): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value)).map(String);
}

/** A hit's `highlight`: field → fragments; undefined when nothing was highlighted. */
export function highlightHit(plan: HighlightPlan, mapping: IndexMapping, terms: HighlightTerms, source: Record<string, unknown>): Record<string, string[]> | undefined {
  const result: Record<string, string[]> = {};
  for (const { pattern, options } of plan.fields) {
    for (const field of mapping.fields()) {
      if (!patternMatches(pattern, field.path) || result[field.path]) continue;
      const wanted = terms.get(field.path) ?? (options.requireFieldMatch ? undefined : mergedTerms(terms));
      if (!wanted || (field.kind !== 'text' && field.kind !== 'keyword')) continue;
      const candidates = sourceStrings(source, field.sourcePath).flatMap((text) => highlightValue(text, field, wanted, options));
      if (candidates.length === 0) continue;
      const chosen = options.numberOfFragments === 0 ? candidates : [...candidates].sort((a, b) => b.score - a.score).slice(0, options.numberOfFragments);
      const ordered = options.orderByScore || options.numberOfFragments === 0 ? chosen : chosen.sort((a, b) => candidates.indexOf(a) - candidates.indexOf(b));
      result[field.path] = ordered.map((candidate) => candidate.fragment);
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function mergedTerms(terms: HighlightTerms): FieldTerms {
  return { terms: new Set([...terms.values()].flatMap((entry) => [...entry.terms])) };
}
