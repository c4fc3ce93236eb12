import { appendSetActions } from './update-expression';

describe('appendSetActions', () => {
  const actions = ['#__version = #__version + :__one', '#__lastChangedAt = :__now'];

  it.each([
    ['joins an existing SET clause, wherever it stands', 'ADD votes :one SET title = :t REMOVE old', 'ADD votes :one SET title = :t, #__version = #__version + :__one, #__lastChangedAt = :__now REMOVE old'],
    ['adds a SET clause when there is none', 'REMOVE old', 'REMOVE old SET #__version = #__version + :__one, #__lastChangedAt = :__now'],
    ['reads the clause keyword in any case', 'set title = :t', 'set title = :t, #__version = #__version + :__one, #__lastChangedAt = :__now'],
    ['leaves function names that contain no keyword alone', 'SET tags = list_append(tags, :t)', 'SET tags = list_append(tags, :t), #__version = #__version + :__one, #__lastChangedAt = :__now'],
  ])('%s', (_name, expression, expected) => {
    expect(appendSetActions(expression, actions)).toBe(expected);
  });

  it('returns the expression unchanged when there is nothing to add', () => {
    expect(appendSetActions('SET a = :a', [])).toBe('SET a = :a');
  });
});
