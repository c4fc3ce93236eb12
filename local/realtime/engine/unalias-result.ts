// A mutation's response names its fields by alias; subscribers select by field name. This keys a
// mutation field's result by field names again, keeping only what the mutation selected, which is
// the payload `publish` takes.
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/**
 * `value` (the response data under one mutation field) keyed by field name, following
 * `selectionSet` (that field's selection set) through fragments and lists.
 */
export function unaliasResult(selectionSet: SelectionSetNode | undefined, fragments: Fragments, value: unknown): unknown {
  if (selectionSet === undefined || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((element) => unaliasResult(selectionSet, fragments, element));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  copyFields(selectionSet, fragments, source, out);
  return out;
}

function copyFields(selectionSet: SelectionSetNode, fragments: Fragments, source: Record<string, unknown>, out: Record<string, unknown>): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const responseKey = selection.alias?.value ?? selection.name.value;
      if (!Object.hasOwn(source, responseKey)) continue;
      const unaliased = unaliasResult(selection.selectionSet, fragments, source[responseKey]);
      const name = selection.name.value;
      // The same field selected twice (once aliased) merges, so subscribers see every subfield.
      out[name] = isPlainObject(out[name]) && isPlainObject(unaliased) ? { ...out[name], ...unaliased } : unaliased;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      copyFields(selection.selectionSet, fragments, source, out);
    } else {
      const fragment = fragments[selection.name.value];
      if (fragment !== undefined) copyFields(fragment.selectionSet, fragments, source, out);
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
