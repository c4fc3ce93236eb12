// Lambda event filtering (FilterCriteria) for stream records, in the syntax Lambda shares with
// EventBridge: https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html#filtering-syntax
// and https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html.
//
// A pattern is a JSON object shaped like the record. Its leaves are arrays of rules, ORed; its keys are
// ANDed; `$or` ORs whole sub-patterns; filters of one FilterCriteria are ORed. A record must contain
// every field a pattern names, except where the rule is `{ "exists": false }`. An array in the record
// matches when one of its elements does. Strings match character for character; `numeric` applies to
// JSON numbers only (DynamoDB's `N` values are strings, so they match as strings).

export interface FilterCriteria {
  readonly Filters?: readonly { readonly Pattern?: string }[];
}

/** A FilterCriteria Lambda would refuse when the event source mapping is created. */
export class FilterPatternError extends Error {
  override readonly name = 'FilterPatternError';
  readonly code = 'InvalidParameterValueException';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

type Leaf = string | number | boolean | null;
type Rule = (values: readonly Leaf[], present: boolean) => boolean;
type Matcher = (value: unknown) => boolean;

const NUMERIC_OPERATORS: Record<string, (left: number, right: number) => boolean> = {
  '=': (left, right) => left === right,
  '<': (left, right) => left < right,
  '<=': (left, right) => left <= right,
  '>': (left, right) => left > right,
  '>=': (left, right) => left >= right,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return JSON.stringify(value);
}

/** The leaf values at a field: a scalar, or the scalars of an array (nested arrays flattened). */
function leaves(value: unknown): Leaf[] {
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return [value as Leaf];
  return [];
}

function stringOperand(operator: string, operand: unknown): string {
  if (typeof operand !== 'string') throw new FilterPatternError(`"${operator}" needs a string, got ${describe(operand)}.`);
  return operand;
}

/** `"prefix": "us-"` or `"prefix": { "equals-ignore-case": "us-" }` (and the same for suffix). */
function affixTest(operator: 'prefix' | 'suffix', operand: unknown): (value: string) => boolean {
  const ignoreCase = isPlainObject(operand);
  const raw = ignoreCase ? operand['equals-ignore-case'] : operand;
  if (ignoreCase && Object.keys(operand).length !== 1) {
    throw new FilterPatternError(`"${operator}" takes a string or { "equals-ignore-case": string }, got ${describe(operand)}.`);
  }
  const affix = stringOperand(operator, raw);
  const wanted = ignoreCase ? affix.toLowerCase() : affix;
  return (value) => {
    const candidate = ignoreCase ? value.toLowerCase() : value;
    return operator === 'prefix' ? candidate.startsWith(wanted) : candidate.endsWith(wanted);
  };
}

function numericTest(operand: unknown): (value: number) => boolean {
  if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) {
    throw new FilterPatternError(`"numeric" takes one or two [operator, number] pairs, got ${describe(operand)}.`);
  }
  const comparisons: ((value: number) => boolean)[] = [];
  for (let index = 0; index < operand.length; index += 2) {
    const operator = NUMERIC_OPERATORS[operand[index] as string];
    const bound = operand[index + 1] as unknown;
    if (!operator || typeof bound !== 'number') {
      throw new FilterPatternError(`"numeric" takes [operator, number] pairs with =, <, <=, > or >=, got ${describe(operand)}.`);
    }
    comparisons.push((value) => operator(value, bound));
  }
  return (value) => comparisons.every((comparison) => comparison(value));
}

/** What `anything-but` excludes: values, or a prefix / suffix / case-insensitive match. */
function exclusionTest(operand: unknown): (value: Leaf) => boolean {
  if (isPlainObject(operand)) {
    const [operator, inner] = Object.entries(operand)[0] ?? [];
    if (Object.keys(operand).length !== 1) throw new FilterPatternError(`"anything-but" takes one operator, got ${describe(operand)}.`);
    if (operator === 'prefix' || operator === 'suffix') {
      const test = affixTest(operator, inner);
      return (value) => typeof value === 'string' && test(value);
    }
    if (operator === 'equals-ignore-case') {
      const words = (Array.isArray(inner) ? inner : [inner]).map((word) => stringOperand(operator, word).toLowerCase());
      return (value) => typeof value === 'string' && words.includes(value.toLowerCase());
    }
    throw new FilterPatternError(`"anything-but" does not support "${String(operator)}".`);
  }
  const excluded = Array.isArray(operand) ? operand : [operand];
  for (const value of excluded) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new FilterPatternError(`"anything-but" takes strings or numbers, got ${describe(value)}.`);
    }
  }
  return (value) => excluded.includes(value);
}

function compileRule(rule: unknown): Rule {
  if (!isPlainObject(rule)) {
    if (Array.isArray(rule) || (rule !== null && typeof rule === 'object')) {
      throw new FilterPatternError(`A filter rule cannot be ${describe(rule)}.`);
    }
    return (values) => values.includes(rule as Leaf);
  }
  const entries = Object.entries(rule);
  const [operator, operand] = entries[0] ?? [];
  if (entries.length !== 1) throw new FilterPatternError(`A filter rule has exactly one operator, got ${describe(rule)}.`);
  switch (operator) {
    case 'exists':
      if (typeof operand !== 'boolean') throw new FilterPatternError(`"exists" takes true or false, got ${describe(operand)}.`);
      return (_values, present) => present === operand;
    case 'prefix':
    case 'suffix': {
      const test = affixTest(operator, operand);
      return (values) => values.some((value) => typeof value === 'string' && test(value));
    }
    case 'equals-ignore-case': {
      const wanted = stringOperand(operator, operand).toLowerCase();
      return (values) => values.some((value) => typeof value === 'string' && value.toLowerCase() === wanted);
    }
    case 'numeric': {
      const test = numericTest(operand);
      return (values) => values.some((value) => typeof value === 'number' && test(value));
    }
    case 'anything-but': {
      const excluded = exclusionTest(operand);
      return (values) => values.some((value) => !excluded(value));
    }
    default:
      throw new FilterPatternError(`Lambda event filtering has no "${String(operator)}" operator.`);
  }
}

function compileLeaf(rules: readonly unknown[]): Matcher {
  const compiled = rules.map(compileRule);
  return (value) => {
    const values = leaves(value);
    const present = values.length > 0;
    return compiled.some((rule) => rule(values, present));
  };
}

/** A record value seen as objects: an object, each object of an array, or nothing (an empty object). */
function objectsOf(value: unknown): Record<string, unknown>[] {
  if (isPlainObject(value)) return [value];
  if (Array.isArray(value)) {
    const objects = value.flatMap(objectsOf).filter((object) => Object.keys(object).length > 0);
    return objects.length > 0 ? objects : [{}];
  }
  return [{}];
}

function compileObject(pattern: unknown, path: string): Matcher {
  if (!isPlainObject(pattern)) throw new FilterPatternError(`The pattern at ${path || 'the top'} must be a JSON object, got ${describe(pattern)}.`);
  const fields = Object.entries(pattern).map(([key, sub]): ((object: Record<string, unknown>) => boolean) => {
    const at = path ? `${path}.${key}` : key;
    if (key === '$or') {
      if (!Array.isArray(sub) || sub.length < 2) throw new FilterPatternError(`"$or" at ${at} takes an array of at least two patterns.`);
      const alternatives = sub.map((alternative, index) => compileObject(alternative, `${at}[${index}]`));
      return (object) => alternatives.some((alternative) => alternative(object));
    }
    if (Array.isArray(sub)) {
      const leaf = compileLeaf(sub);
      return (object) => leaf(object[key]);
    }
    if (isPlainObject(sub)) {
      const nested = compileObject(sub, at);
      return (object) => nested(object[key]);
    }
    throw new FilterPatternError(`The pattern at ${at} must be an array of rules or an object, got ${describe(sub)}.`);
  });
  // All fields must hold in the same object: with an array of objects, in one element of it.
  return (value) => objectsOf(value).some((object) => fields.every((field) => field(object)));
}

/** Compiles one Pattern string; throws FilterPatternError for what Lambda would reject. */
export function compileFilterPattern(pattern: string): Matcher {
  let parsed: unknown;
  try {
    parsed = JSON.parse(pattern);
  } catch (error) {
    throw new FilterPatternError(`A filter Pattern must be JSON: ${pattern}`, { cause: error });
  }
  return compileObject(parsed, '');
}

/** All filters ORed; no filters at all lets every record through. */
export function compileFilterCriteria(criteria: FilterCriteria | undefined): Matcher {
  const filters = (criteria?.Filters ?? []).map((filter) => compileFilterPattern(filter.Pattern ?? ''));
  if (filters.length === 0) return () => true;
  return (record) => filters.some((filter) => filter(record));
}
