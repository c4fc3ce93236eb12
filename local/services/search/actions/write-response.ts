import { writeShards } from '../request';
import type { SearchIndex, WriteResult } from '../search-index';

/** The body of an index, update or delete, alone or as a bulk item (which adds `status`). */
export function writeResponse(index: SearchIndex, result: WriteResult, forcedRefresh: boolean): Record<string, unknown> {
  return {
    _index: index.name,
    _id: result.id,
    _version: result.version,
    result: result.result,
    ...(forcedRefresh && result.result !== 'noop' ? { forced_refresh: true } : {}),
    _shards: writeShards(index, result.result !== 'noop'),
    _seq_no: result.seqNo,
    _primary_term: 1,
  };
}
