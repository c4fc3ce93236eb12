import { util, type DynamoDBExpression } from '@aws-appsync/utils';
import type { NoteChanges } from './note-input';

/** The UpdateItem expression of updateNote's changes: SET what is given, REMOVE a cleared body. */
export function noteUpdate(changes: NoteChanges, now: string): DynamoDBExpression {
  const set = ['#updatedAt = :updatedAt'];
  const remove: string[] = [];
  const names: Record<string, string> = { '#updatedAt': 'updatedAt' };
  const values: Record<string, unknown> = { ':updatedAt': now };
  Object.keys(changes).forEach((field) => {
    const value = changes[field as keyof NoteChanges];
    names[`#${field}`] = field;
    if (value === null) {
      remove.push(`#${field}`);
    } else {
      set.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  });
  const expression = `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`;
  return { expression, expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) };
}
