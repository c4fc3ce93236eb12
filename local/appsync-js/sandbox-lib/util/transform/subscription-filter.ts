// util.transform.toSubscriptionFilter: turns a filter object into the { filterGroup: [{ filters }] }
// form that extensions.setSubscriptionFilter takes. Groups are OR-ed and the filters of a group
// AND-ed, so every operator of a field, every member of an `or` and every rule is an alternative
// and the groups multiply out.
//
// Behaviour recorded from the EvaluateCode API in localstack/appsync-utils
// (__tests__/transform-subscription.test.js and its snapshot): operators are passed through
// unchecked, `not` is an ordinary field name, a filter that is not an object gives null, and a
// filter that yields no filter at all gives { filterGroup: [] }.

import { isPlainObject } from '../dynamodb/attribute-values';

export interface SubscriptionFilterEntry {
  fieldName: string;
  operator: string;
  value: unknown;
}

export interface SubscriptionFilter {
  filterGroup: { filters: SubscriptionFilterEntry[] }[];
}

/** Alternatives (OR) of filter lists (AND). */
type Alternatives = SubscriptionFilterEntry[][];

// The limits AppSync puts on a subscription filter, as the lambda-appsync crate encodes them
// (JeremieRodon/lambda-appsync, src/subscription_filters.rs): 10 groups, 5 filters a group,
// 5 values for in/notIn, 20 for containsAny.
export const SUBSCRIPTION_FILTER_LIMITS = { filterGroups: 10, filtersPerGroup: 5, inValues: 5, containsAnyValues: 20 } as const;

/** Thrown when a subscription filter goes past one of AppSync's limits. */
export class SubscriptionFilterLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SubscriptionFilterLimitError';
  }
}

function definedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).filter(([, value]) => value !== undefined);
}

/** Every combination of one alternative from `left` with one from `right`, left varying slowest. */
function product(left: Alternatives, right: Alternatives): Alternatives {
  return left.flatMap((leftFilters) => right.map((rightFilters) => [...leftFilters, ...rightFilters]));
}

function fieldAlternatives(fieldName: string, operators: Record<string, unknown>): Alternatives {
  return definedEntries(operators).map(([operator, value]) => [{ fieldName, operator, value }]);
}

function alternativesOf(filter: Record<string, unknown>, ignoredFields: ReadonlySet<string>): Alternatives | null {
  let result: Alternatives = [[]];
  for (const [key, value] of definedEntries(filter)) {
    let alternatives: Alternatives;
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(value)) return null;
      const members: Alternatives[] = [];
      for (const member of value) {
        const memberAlternatives = isPlainObject(member) ? alternativesOf(member, ignoredFields) : null;
        if (memberAlternatives === null) return null;
        members.push(memberAlternatives);
      }
      alternatives = key === 'and' ? members.reduce(product, [[]]) : members.flat(1);
    } else {
      if (ignoredFields.has(key)) continue;
      if (!isPlainObject(value)) return null;
      alternatives = fieldAlternatives(key, value);
    }
    result = product(result, alternatives);
  }
  return result;
}

/** Each operator of each rule is one more alternative that every group must satisfy. */
function ruleAlternatives(rules: unknown): Alternatives | null {
  if (!isPlainObject(rules)) return null;
  const alternatives = definedEntries(rules).flatMap(([fieldName, operators]) => (isPlainObject(operators) ? fieldAlternatives(fieldName, operators) : []));
  return alternatives.length === 0 ? null : alternatives;
}

export function toSubscriptionFilter(filter: unknown, ignoredFields?: unknown, rules?: unknown): SubscriptionFilter | null {
  if (!isPlainObject(filter)) return null;
  const ignored = new Set(Array.isArray(ignoredFields) ? ignoredFields.filter((field): field is string => typeof field === 'string') : []);
  const alternatives = alternativesOf(filter, ignored);
  if (alternatives === null) return null;
  const withRules = ruleAlternatives(rules);
  const groups = (withRules === null ? alternatives : product(alternatives, withRules)).filter((filters) => filters.length > 0);
  const result: SubscriptionFilter = { filterGroup: groups.map((filters) => ({ filters })) };
  checkSubscriptionFilterLimits(result);
  return result;
}

export function checkSubscriptionFilterLimits(filter: SubscriptionFilter): void {
  const limits = SUBSCRIPTION_FILTER_LIMITS;
  if (filter.filterGroup.length > limits.filterGroups) {
    throw new SubscriptionFilterLimitError(`A subscription filter may have at most ${limits.filterGroups} filter groups; this one has ${filter.filterGroup.length}.`);
  }
  for (const { filters } of filter.filterGroup) {
    if (filters.length > limits.filtersPerGroup) {
      throw new SubscriptionFilterLimitError(`A subscription filter group may have at most ${limits.filtersPerGroup} filters; one has ${filters.length}.`);
    }
    for (const { fieldName, operator, value } of filters) {
      const limit = operator === 'in' || operator === 'notIn' ? limits.inValues : operator === 'containsAny' ? limits.containsAnyValues : undefined;
      if (limit !== undefined && Array.isArray(value) && value.length > limit) {
        throw new SubscriptionFilterLimitError(`The ${operator} operator takes at most ${limit} values; the filter on ${fieldName} has ${value.length}.`);
      }
    }
  }
}
