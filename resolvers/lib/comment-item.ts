/**
 * A row of the Comments table: key `noteId` + `sk`, where sk is `${createdAt}#${id}` so a note's
 * comments sort oldest first, ties broken by id.
 */
export type CommentItem = {
  noteId: string;
  sk: string;
  id: string;
  spaceId: string;
  authorId: string | null;
  body: string;
  createdAt: string;
};

export function commentSortKey(createdAt: string, id: string): string {
  return `${createdAt}#${id}`;
}
