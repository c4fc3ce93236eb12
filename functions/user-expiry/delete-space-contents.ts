import { DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import type { CleanupContext } from './cleanup-context';
import { queryPages } from '../shared/query-pages';

/**
 * Deletes a space's notes (tombstones too) and each note's comments, before the space itself goes:
 * a re-delivery after a failure half-way finds the space and its membership still there and
 * carries on. Notes come from the `bySpace` index; comments by their note (Comments key noteId + sk).
 */
export async function deleteSpaceContents(context: CleanupContext, spaceId: string): Promise<{ notes: number; comments: number }> {
  const { dynamodb, config } = context;
  let notes = 0;
  let comments = 0;
  const spaceNotes = queryPages(dynamodb, {
    TableName: config.notesTable,
    IndexName: 'bySpace',
    KeyConditionExpression: '#spaceId = :spaceId',
    ExpressionAttributeNames: { '#spaceId': 'spaceId', '#id': 'id' },
    ExpressionAttributeValues: { ':spaceId': { S: spaceId } },
    ProjectionExpression: '#id',
  });
  for await (const note of spaceNotes) {
    const noteComments = queryPages(dynamodb, {
      TableName: config.commentsTable,
      KeyConditionExpression: '#noteId = :noteId',
      ExpressionAttributeNames: { '#noteId': 'noteId', '#sk': 'sk' },
      ExpressionAttributeValues: { ':noteId': note.id },
      ProjectionExpression: '#noteId, #sk',
      ConsistentRead: true,
    });
    for await (const key of noteComments) {
      await dynamodb.send(new DeleteItemCommand({ TableName: config.commentsTable, Key: key }));
      comments += 1;
    }
    await dynamodb.send(new DeleteItemCommand({ TableName: config.notesTable, Key: { id: note.id } }));
    notes += 1;
  }
  return { notes, comments };
}
