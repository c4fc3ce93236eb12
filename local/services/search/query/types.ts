import type { IndexedField } from '../mapping';
import type { Matches, SearchIndex } from '../search-index';

/** Terms a query looks for, by field: what the highlighter marks. */
export interface FieldTerms {
  readonly terms: Set<string>;
  readonly fuzziness?: (term: string) => number;
}

export type HighlightTerms = Map<string, FieldTerms>;

export interface QueryContext {
  readonly index: SearchIndex;
  /** Epoch milliseconds that `now` in date math stands for. */
  readonly now: number;
  /** Where clauses record the terms they look for; null inside `must_not`, whose terms are never highlighted. */
  readonly highlights: HighlightTerms | null;
}

export interface CompiledQuery {
  /**
   * The matching documents; scores only when `scoring` (a filter context needs none). `within`,
   * when given, is what the enclosing filters already allow: a clause may skip everything else
   * (full-text clauses do, which spares scoring documents a filter would drop).
   */
  run(scoring: boolean, within?: ReadonlySet<string>): Matches;
}

export type QueryCompiler = (body: unknown, context: QueryContext) => CompiledQuery;

export function recordTerms(context: QueryContext, field: IndexedField, terms: Iterable<string>, fuzziness?: (term: string) => number): void {
  if (!context.highlights) return;
  const entry = context.highlights.get(field.path) ?? { terms: new Set<string>(), fuzziness };
  for (const term of terms) entry.terms.add(term);
  context.highlights.set(field.path, entry);
}
