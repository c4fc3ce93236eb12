import type { ApiKeyConfig } from './config';
import { UnauthorizedError } from './errors';
import { NOT_AUTHORIZED } from './messages';

/** Accepts `key` when it is one of the API's keys and has not expired at `now`. */
export function verifyApiKey(key: string, keys: readonly ApiKeyConfig[], now: Date): void {
  const found = keys.find((candidate) => candidate.key === key);
  if (found === undefined) throw new UnauthorizedError(NOT_AUTHORIZED);
  if (found.expires !== null && now.getTime() >= found.expires * 1000) throw new UnauthorizedError(NOT_AUTHORIZED);
}
