// Adding actions to a resolver's update expression. DynamoDB allows each clause (SET, REMOVE, ADD,
// DELETE) once, so the data source's SET actions join the resolver's SET clause. The four clause
// words are DynamoDB reserved words, so spelled out they can only be clause keywords.
const CLAUSE = /\b(SET|REMOVE|ADD|DELETE)\b/i;

/** `expression` with `actions` (e.g. `#a = :b`) added to its SET clause. */
export function appendSetActions(expression: string, actions: readonly string[]): string {
  if (actions.length === 0) return expression;
  const parts = expression.split(CLAUSE);
  // split with a capture group alternates [before, keyword, body, keyword, body, ...].
  for (let index = 1; index < parts.length; index += 2) {
    if (parts[index].toUpperCase() === 'SET') {
      parts[index + 1] = `${parts[index + 1].trimEnd()}, ${actions.join(', ')} `;
      return parts.join('').trim();
    }
  }
  return `${expression.trim()} SET ${actions.join(', ')}`.trim();
}
