// Analyzers: text → tokens with character offsets (offsets drive highlighting). The subset of
// OpenSearch's analysis that needs no stemmer or dictionary: the standard, simple, whitespace,
// keyword and stop analyzers, and custom analyzers built from those tokenizers with the
// lowercase, asciifolding and stop filters.
import { badRequest, SearchApiError, unsupported } from './errors';

export interface Token {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

export type Analyzer = (text: string) => Token[];
type TokenFilter = (tokens: Token[]) => Token[];

/** Lucene's English stop set, which `_english_` and the `stop` analyzer use. */
const ENGLISH_STOP_WORDS = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of', 'on',
  'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
];

/** Close to Unicode word segmentation (UAX #29), which the standard tokenizer implements: runs of
 * letters, digits and `_`, joined across an inner `'`, `’` or `.` ("don't", "3.14", "e.g"). */
const STANDARD_TOKEN = /[\p{L}\p{M}\p{N}_]+(?:['’.][\p{L}\p{M}\p{N}_]+)*/gu;
const LETTERS = /\p{L}+/gu;
const NON_WHITESPACE = /\S+/gu;

function regexTokenizer(pattern: RegExp): Analyzer {
  return (text) => Array.from(text.matchAll(pattern), (match) => ({ term: match[0], start: match.index, end: match.index + match[0].length }));
}

const TOKENIZERS: Readonly<Record<string, Analyzer>> = {
  standard: regexTokenizer(STANDARD_TOKEN),
  letter: regexTokenizer(LETTERS),
  whitespace: regexTokenizer(NON_WHITESPACE),
  keyword: (text) => [{ term: text, start: 0, end: text.length }],
};

const lowercase: TokenFilter = (tokens) => tokens.map((token) => ({ ...token, term: token.term.toLowerCase() }));
const asciifolding: TokenFilter = (tokens) => tokens.map((token) => ({ ...token, term: token.term.normalize('NFD').replace(/\p{M}/gu, '') }));
const stop = (words: readonly string[]): TokenFilter => {
  const set = new Set(words);
  return (tokens) => tokens.filter((token) => !set.has(token.term));
};

function stopWords(value: unknown, owner: string): readonly string[] {
  if (value === undefined || value === '_english_') return ENGLISH_STOP_WORDS;
  if (value === '_none_') return [];
  if (Array.isArray(value) && value.every((word) => typeof word === 'string')) return value;
  throw unsupported(`stopwords ${JSON.stringify(value)} of [${owner}]: give a list of words, _english_ or _none_`);
}

const chain = (tokenizer: Analyzer, filters: readonly TokenFilter[]): Analyzer => (text) => filters.reduce((tokens, filter) => filter(tokens), tokenizer(text));

const BUILT_IN_ANALYZERS: Readonly<Record<string, Analyzer>> = {
  standard: chain(TOKENIZERS.standard, [lowercase]),
  simple: chain(TOKENIZERS.letter, [lowercase]),
  whitespace: TOKENIZERS.whitespace,
  keyword: TOKENIZERS.keyword,
  stop: chain(TOKENIZERS.letter, [lowercase, stop(ENGLISH_STOP_WORDS)]),
};

const STEMMING_ANALYZERS = new Set(['english', 'french', 'german', 'spanish', 'italian', 'portuguese', 'dutch', 'russian', 'snowball', 'fingerprint', 'pattern']);

type Definitions = Readonly<Record<string, unknown>>;

function objectOf(value: unknown, what: string): Definitions {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(`${what} must be an object`);
  return value as Definitions;
}

function tokenFilter(name: string, definitions: Definitions): TokenFilter {
  if (name === 'lowercase') return lowercase;
  if (name === 'asciifolding') return asciifolding;
  if (name === 'stop') return stop(ENGLISH_STOP_WORDS);
  const definition = definitions[name] as { type?: unknown; stopwords?: unknown } | undefined;
  if (definition === undefined) throw badRequest(`failed to find filter under name [${name}]`);
  if (definition.type === 'stop') return stop(stopWords(definition.stopwords, name));
  if (definition.type === 'lowercase') return lowercase;
  if (definition.type === 'asciifolding') return asciifolding;
  throw unsupported(`token filter type [${String(definition.type)}] of [${name}]`);
}

function customAnalyzer(name: string, definition: Record<string, unknown>, analysis: Definitions): Analyzer {
  const { type, tokenizer, filter, char_filter: charFilter, ...rest } = definition;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw unsupported(`analyzer setting [${extra[0]}] of [${name}]`);
  if (charFilter !== undefined) throw unsupported(`char_filter of analyzer [${name}]`);
  if (type === 'standard') return chain(TOKENIZERS.standard, [lowercase, stop(stopWords(definition.stopwords ?? '_none_', name))]);
  if (type !== undefined && type !== 'custom') {
    if (typeof type === 'string' && BUILT_IN_ANALYZERS[type]) return BUILT_IN_ANALYZERS[type];
    throw unsupported(`analyzer type [${String(type)}] of [${name}]`);
  }
  if (typeof tokenizer !== 'string') throw badRequest(`analyzer [${name}] must specify either an analyzer type, or a tokenizer`);
  const base = TOKENIZERS[tokenizer];
  if (!base) throw unsupported(`tokenizer [${tokenizer}] of analyzer [${name}]`);
  const filters = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
  return chain(base, filters.map((entry) => tokenFilter(String(entry), objectOf(analysis.filter, 'analysis.filter'))));
}

/** The analyzers an index can name: the built-in ones plus those its `settings.analysis` defines. */
export class AnalyzerRegistry {
  private readonly custom = new Map<string, Analyzer>();

  constructor(analysis: unknown) {
    const settings = objectOf(analysis, 'settings.analysis');
    const unknown = Object.keys(settings).filter((key) => key !== 'analyzer' && key !== 'filter');
    if (unknown.length > 0) throw unsupported(`analysis section [${unknown[0]}]`);
    for (const [name, definition] of Object.entries(objectOf(settings.analyzer, 'analysis.analyzer'))) {
      this.custom.set(name, customAnalyzer(name, objectOf(definition, `analyzer [${name}]`) as Record<string, unknown>, settings));
    }
  }

  get(name: string): Analyzer {
    const analyzer = this.custom.get(name) ?? BUILT_IN_ANALYZERS[name];
    if (analyzer) return analyzer;
    if (STEMMING_ANALYZERS.has(name)) throw unsupported(`analyzer [${name}]: it has no stemmers; use standard or a custom analyzer`);
    throw new SearchApiError(400, 'mapper_parsing_exception', `analyzer [${name}] has not been configured in mappings`);
  }
}
