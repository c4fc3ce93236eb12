import { util } from '@aws-appsync/utils';

export const COMMENT_BODY_MAX = 2000;

/** A comment's body, trimmed; raises a ValidationError when it is blank or too long. */
export function commentBody(body: string): string {
  const trimmed = body.trim();
  if (trimmed.length < 1 || trimmed.length > COMMENT_BODY_MAX) {
    util.error(`body must be 1 to ${COMMENT_BODY_MAX} characters (received ${trimmed.length} after trimming).`, 'ValidationError');
  }
  return trimmed;
}
