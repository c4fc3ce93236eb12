import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { unaliasResult, type Fragments } from './unalias-result';

/** The first field of `mutation`'s operation and the document's fragments. */
function mutationField(mutation: string): { field: FieldNode; fragments: Fragments } {
  const document = parse(mutation);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const fragments = Object.fromEntries(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return { field: operation?.selectionSet.selections[0] as FieldNode, fragments };
}

describe('unaliasResult', () => {
  it('keys a result by field name through aliases, fragments and lists', () => {
    const { field, fragments } = mutationField(`
      mutation {
        made: createNote(input: {}) {
          noteId: id
          title
          ... on Note { heading: title }
          ...Items
        }
      }
      fragment Items on Note { checklist { label: text done } }`);
    const response = { noteId: 'n1', title: 'Groceries', heading: 'Groceries', checklist: [{ label: 'milk', done: false }, { label: 'eggs', done: true }] };
    expect(unaliasResult(field.selectionSet, fragments, response)).toEqual({
      id: 'n1',
      title: 'Groceries',
      checklist: [
        { text: 'milk', done: false },
        { text: 'eggs', done: true },
      ],
    });
  });

  it('merges a field selected twice and leaves out what the response does not carry', () => {
    const { field, fragments } = mutationField('mutation { updateNote(input: {}) { author { id } writer: author { handle } title } }');
    expect(unaliasResult(field.selectionSet, fragments, { author: { id: 'u1' }, writer: { handle: 'al' } })).toEqual({ author: { id: 'u1', handle: 'al' } });
  });

  it('passes scalars and null through', () => {
    const { field, fragments } = mutationField('mutation { deleteNote(input: {}) { id } }');
    expect([unaliasResult(field.selectionSet, fragments, null), unaliasResult(undefined, fragments, 'done')]).toEqual([null, 'done']);
  });
});
