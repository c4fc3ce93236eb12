// util.transform.toElasticsearchQueryDSL: turns a filter object into an OpenSearch Query DSL bool
// query. Fields are AND-ed (bool.must), as are the operators of one field; `or` is a bool.should
// with minimum_should_match 1 and `not` a bool.must_not. A single clause is never wrapped.
//
// The output for eq (term), ne (must_not term), range (gte/lte) and wildcard is AWS's documented
// example: https://docs.aws.amazon.com/appsync/latest/devguide/transformation-helpers-in-utils-transform-js.html
// The remaining operators follow the same mapping in the Amplify AppSync simulator
// (aws-amplify/amplify-cli, packages/amplify-appsync-simulator/src/velocity/util/opensearch-utils.ts).

import { isPlainObject } from '../dynamodb/attribute-values';

type Clause = Record<string, unknown>;

/** Operators that become `{ <query>: { <field>: value } }`. */
const FIELD_QUERIES: Readonly<Record<string, string>> = {
  eq: 'term',
  match: 'match',
  matchPhrase: 'match_phrase',
  matchPhrasePrefix: 'match_phrase_prefix',
  multiMatch: 'multi_match',
  wildcard: 'wildcard',
  regexp: 'regexp',
};

const RANGE_BOUNDS = new Set(['gt', 'gte', 'lt', 'lte']);

function definedEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).filter(([, value]) => value !== undefined);
}

const and = (clauses: Clause[]): Clause => (clauses.length === 1 ? clauses[0] : { bool: { must: clauses } });
const not = (clause: Clause): Clause => ({ bool: { must_not: clause } });

function operatorClause(field: string, operator: string, value: unknown): Clause | null {
  if (Object.hasOwn(FIELD_QUERIES, operator)) return { [FIELD_QUERIES[operator]]: { [field]: value } };
  if (RANGE_BOUNDS.has(operator)) return { range: { [field]: { [operator]: value } } };
  switch (operator) {
    case 'ne':
      return not({ term: { [field]: value } });
    case 'range':
      if (!Array.isArray(value) || value.length < 2) return null;
      return { range: { [field]: { gte: value[0], lte: value[1] } } };
    case 'exists':
      if (typeof value !== 'boolean') return null;
      return value ? { exists: { field } } : not({ exists: { field } });
    default:
      return null;
  }
}

function clausesOf(filter: Record<string, unknown>): Clause[] | null {
  const clauses: Clause[] = [];
  for (const [key, value] of definedEntries(filter)) {
    let clause: Clause | null;
    if (key === 'and' || key === 'or') {
      const members = Array.isArray(value) && value.length > 0 ? value.map((member) => (isPlainObject(member) ? queryOf(member) : null)) : [null];
      if (members.some((member) => member === null)) return null;
      clause = key === 'and' ? { bool: { must: members } } : { bool: { should: members, minimum_should_match: 1 } };
    } else if (key === 'not') {
      const inner = isPlainObject(value) ? queryOf(value) : null;
      clause = inner === null ? null : not(inner);
    } else {
      clause = fieldQuery(key, value);
    }
    if (clause === null) return null;
    clauses.push(clause);
  }
  return clauses;
}

function fieldQuery(field: string, operators: unknown): Clause | null {
  if (!isPlainObject(operators)) return null;
  const clauses: Clause[] = [];
  for (const [operator, value] of definedEntries(operators)) {
    const clause = operatorClause(field, operator, value);
    if (clause === null) return null;
    clauses.push(clause);
  }
  return clauses.length === 0 ? null : and(clauses);
}

function queryOf(filter: Record<string, unknown>): Clause | null {
  const clauses = clausesOf(filter);
  return clauses === null || clauses.length === 0 ? null : and(clauses);
}

/** The query as a JSON string, or null for a filter that cannot be rendered. */
export function toOpenSearchQueryDSL(filter: unknown): string | null {
  const query = isPlainObject(filter) ? queryOf(filter) : null;
  return query === null ? null : JSON.stringify(query);
}
