import { util } from '@aws-appsync/utils';

/**
 * Where a syncNotes page left off. A base sync walks the caller's spaces in spaceId order (the
 * byUser index's sort key), one bySpace Query at a time, so it never scans the table; a delta sync
 * is one Sync over the delta table. `inner` is the data source's own nextToken, if any.
 */
export type SyncState =
  | { phase: 'base'; startedAt: number; spaceId: string; inner: string | null }
  | { phase: 'delta'; startedAt: number; lastSync: number; inner: string };

const BASE64 = '^[A-Za-z0-9+/]+={0,2}$';
const SEPARATOR = '\n';

function invalidToken(): never {
  return util.error('nextToken is not a token this query returned.', 'ValidationError');
}

/** Lines rather than JSON: a tampered token is rejected by shape, never by a parse that throws. */
export function encodeSyncToken(state: SyncState): string {
  const fields =
    state.phase === 'base'
      ? ['base', String(state.startedAt), state.spaceId, state.inner || '']
      : ['delta', String(state.startedAt), String(state.lastSync), state.inner];
  return util.base64Encode(fields.join(SEPARATOR));
}

export function decodeSyncToken(token: string): SyncState {
  if (!util.matches(BASE64, token)) invalidToken();
  const fields = util.base64Decode(token).split(SEPARATOR);
  const startedAt = Number(fields[1]);
  if (fields.length !== 4 || !(startedAt > 0)) invalidToken();
  if (fields[0] === 'base' && fields[2] !== '') {
    return { phase: 'base', startedAt, spaceId: fields[2], inner: fields[3] === '' ? null : fields[3] };
  }
  const lastSync = Number(fields[2]);
  if (fields[0] === 'delta' && lastSync > 0 && fields[3] !== '') {
    return { phase: 'delta', startedAt, lastSync, inner: fields[3] };
  }
  return invalidToken();
}
