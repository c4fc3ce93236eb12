// `ctx.info.selectionSetList` and `ctx.info.selectionSetGraphQL` as AppSync builds them, per the
// Info section of the APPSYNC_JS context reference
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-info-js):
// the list names every selected field by its response key, nested fields as `parent/child`, with
// fragments expanded; the GraphQL text keeps fragments, printing named ones as inline fragments.
import { Kind, print, type FieldNode, type FragmentDefinitionNode, type SelectionNode, type SelectionSetNode } from 'graphql';

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

function collectFields(selections: readonly SelectionNode[], fragments: Fragments, into: FieldNode[]): FieldNode[] {
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectFields(selection.selectionSet.selections, fragments, into);
    else {
      const fragment = fragments[selection.name.value];
      if (fragment !== undefined) collectFields(fragment.selectionSet.selections, fragments, into);
    }
  }
  return into;
}

function listSelections(selections: readonly SelectionNode[], fragments: Fragments, prefix: string, into: string[]): void {
  const byKey = new Map<string, FieldNode[]>();
  for (const field of collectFields(selections, fragments, [])) {
    const key = responseKey(field);
    byKey.set(key, [...(byKey.get(key) ?? []), field]);
  }
  for (const [key, fields] of byKey) {
    const path = `${prefix}${key}`;
    into.push(path);
    const children = fields.flatMap((field) => field.selectionSet?.selections ?? []);
    if (children.length > 0) listSelections(children, fragments, `${path}/`, into);
  }
}

export function selectionSetList(fieldNodes: readonly FieldNode[], fragments: Fragments): string[] {
  const list: string[] = [];
  listSelections(
    fieldNodes.flatMap((field) => field.selectionSet?.selections ?? []),
    fragments,
    '',
    list,
  );
  return list;
}

function inlineNamedFragments(selectionSet: SelectionSetNode, fragments: Fragments): SelectionSetNode {
  return {
    ...selectionSet,
    selections: selectionSet.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (fragment === undefined) return [];
        return [{ kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: inlineNamedFragments(fragment.selectionSet, fragments) }];
      }
      if (selection.selectionSet === undefined) return [selection];
      return [{ ...selection, selectionSet: inlineNamedFragments(selection.selectionSet, fragments) }];
    }),
  };
}

/** The field's selection set as GraphQL text; empty for a leaf field. */
export function selectionSetGraphQL(fieldNodes: readonly FieldNode[], fragments: Fragments): string {
  const selections = fieldNodes.flatMap((field) => field.selectionSet?.selections ?? []);
  if (selections.length === 0) return '';
  return print(inlineNamedFragments({ kind: Kind.SELECTION_SET, selections }, fragments));
}
