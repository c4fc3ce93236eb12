import { randomBytes } from 'node:crypto';
import { SearchApiError } from '../errors';

/** An id for `POST /{index}/_doc`: 20 URL-safe characters, like OpenSearch's generated ids. */
export const generatedId = (): string => randomBytes(15).toString('base64url');

/** OpenSearch limits `_id` to 512 bytes. */
export function checkId(id: string): string {
  if (Buffer.byteLength(id) > 512) {
    throw new SearchApiError(400, 'action_request_validation_exception', `Validation Failed: 1: id [${id}] is too long, must be no longer than 512 bytes but was: ${Buffer.byteLength(id)};`);
  }
  if (id.length === 0) throw new SearchApiError(400, 'action_request_validation_exception', 'Validation Failed: 1: if _id is specified it must not be empty;');
  return id;
}
