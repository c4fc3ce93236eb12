// AppSync's enhanced subscription filters and invalidation filters: one evaluator for both, since
// invalidation filters "use the same syntax and logic" as enhanced filters
// (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-invalidation.html).
//
// A filter object is `{ filterGroup: [{ filters: [{ fieldName, operator, value }] }] }`. The groups
// are OR'ed and the filters inside one group are AND'ed
// (https://docs.aws.amazon.com/appsync/latest/devguide/extensions-js.html, "Argument: filterJsonObject").

export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'le'
  | 'lt'
  | 'ge'
  | 'gt'
  | 'contains'
  | 'notContains'
  | 'beginsWith'
  | 'in'
  | 'notIn'
  | 'between'
  | 'containsAny';

export interface FieldFilter {
  /** A payload field; nested fields are named with dots, e.g. `author.id`. */
  readonly fieldName: string;
  readonly operator: FilterOperator;
  readonly value: unknown;
}

export interface SubscriptionFilter {
  readonly filterGroup: readonly { readonly filters: readonly FieldFilter[] }[];
}

/** A filter object a resolver set that AppSync would not accept. */
export class InvalidSubscriptionFilterError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidSubscriptionFilterError';
  }
}

const OPERATORS: ReadonlySet<string> = new Set<FilterOperator>([
  'eq',
  'ne',
  'le',
  'lt',
  'ge',
  'gt',
  'contains',
  'notContains',
  'beginsWith',
  'in',
  'notIn',
  'between',
  'containsAny',
]);

// The documented limits: `in`/`notIn` take at most 5 values, `containsAny` at most 20, and a field
// path is at most 5 levels deep (https://docs.aws.amazon.com/appsync/latest/devguide/aws-appsync-real-time-enhanced-filtering.html,
// restated in docs.rs/lambda-appsync, module subscription_filters).
const MAX_IN_VALUES = 5;
const MAX_CONTAINS_ANY_VALUES = 20;
const MAX_FIELD_DEPTH = 5;

/** Checks a filter object's shape and limits; returns it typed, or throws InvalidSubscriptionFilterError. */
export function parseSubscriptionFilter(input: unknown): SubscriptionFilter {
  if (!isRecord(input) || !Array.isArray(input.filterGroup)) {
    throw new InvalidSubscriptionFilterError('A subscription filter must be an object with a filterGroup array.');
  }
  const filterGroup = input.filterGroup.map((group: unknown, index: number) => {
    if (!isRecord(group) || !Array.isArray(group.filters)) {
      throw new InvalidSubscriptionFilterError(`filterGroup[${index}] must be an object with a filters array.`);
    }
    return { filters: group.filters.map((filter: unknown) => parseFieldFilter(filter)) };
  });
  return { filterGroup };
}

function parseFieldFilter(input: unknown): FieldFilter {
  if (!isRecord(input) || typeof input.fieldName !== 'string' || typeof input.operator !== 'string') {
    throw new InvalidSubscriptionFilterError('Each filter needs a string fieldName and operator.');
  }
  const { fieldName, operator, value } = input;
  if (!OPERATORS.has(operator)) throw new InvalidSubscriptionFilterError(`Unknown filter operator '${operator}' for field '${fieldName}'.`);
  if (fieldName.split('.').length > MAX_FIELD_DEPTH) {
    throw new InvalidSubscriptionFilterError(`Field '${fieldName}' is nested deeper than ${MAX_FIELD_DEPTH} levels.`);
  }
  if ((operator === 'in' || operator === 'notIn') && !(Array.isArray(value) && value.length <= MAX_IN_VALUES)) {
    throw new InvalidSubscriptionFilterError(`Operator '${operator}' takes an array of at most ${MAX_IN_VALUES} values.`);
  }
  if (operator === 'containsAny' && !(Array.isArray(value) && value.length <= MAX_CONTAINS_ANY_VALUES)) {
    throw new InvalidSubscriptionFilterError(`Operator 'containsAny' takes an array of at most ${MAX_CONTAINS_ANY_VALUES} values.`);
  }
  if (operator === 'between' && !(Array.isArray(value) && value.length === 2)) {
    throw new InvalidSubscriptionFilterError(`Operator 'between' takes an array of two values.`);
  }
  return { fieldName, operator: operator as FilterOperator, value };
}

/** Whether `payload` passes the filter: any group whose filters all hold. */
export function matchesSubscriptionFilter(filter: SubscriptionFilter, payload: unknown): boolean {
  return filter.filterGroup.some((group) => group.filters.every((field) => matchesFieldFilter(field, payload)));
}

function matchesFieldFilter({ fieldName, operator, value }: FieldFilter, payload: unknown): boolean {
  const actual = valueAt(payload, fieldName);
  switch (operator) {
    case 'eq':
      return sameValue(actual, value);
    case 'ne':
      return !sameValue(actual, value);
    case 'le':
      return compare(actual, value, (order) => order <= 0);
    case 'lt':
      return compare(actual, value, (order) => order < 0);
    case 'ge':
      return compare(actual, value, (order) => order >= 0);
    case 'gt':
      return compare(actual, value, (order) => order > 0);
    case 'contains':
      return contains(actual, value);
    case 'notContains':
      return !contains(actual, value);
    case 'beginsWith':
      return typeof actual === 'string' && typeof value === 'string' && actual.startsWith(value);
    case 'in':
      return asArray(value).some((candidate) => sameValue(actual, candidate));
    case 'notIn':
      return !asArray(value).some((candidate) => sameValue(actual, candidate));
    case 'between': {
      const [low, high] = asArray(value);
      return compare(actual, low, (order) => order >= 0) && compare(actual, high, (order) => order <= 0);
    }
    case 'containsAny':
      return Array.isArray(actual) && asArray(value).some((candidate) => actual.some((element) => sameValue(element, candidate)));
  }
}

/** The value at a dotted path; an absent field reads as null, as in a GraphQL result. */
function valueAt(payload: unknown, fieldName: string): unknown {
  let current: unknown = payload;
  for (const key of fieldName.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return null;
    current = current[key];
  }
  return current === undefined ? null : current;
}

/** `contains` checks for a substring of a string, or for an element of a list. */
function contains(actual: unknown, value: unknown): boolean {
  if (typeof actual === 'string') return typeof value === 'string' && actual.includes(value);
  if (Array.isArray(actual)) return actual.some((element) => sameValue(element, value));
  return false;
}

/** Orders two numbers or two strings; values of other or mixed types never compare. */
function compare(actual: unknown, value: unknown, holds: (order: number) => boolean): boolean {
  if (typeof actual === 'number' && typeof value === 'number') return holds(actual - value);
  if (typeof actual === 'string' && typeof value === 'string') return holds(actual < value ? -1 : actual > value ? 1 : 0);
  return false;
}

function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || right === null || typeof left !== 'object' || typeof right !== 'object') return false;
  return JSON.stringify(left) === JSON.stringify(right);
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
