// The body of an `_update` (alone or in a bulk line): a partial `doc`, `doc_as_upsert`, `upsert`.
import { badRequest, unsupported } from '../errors';
import type { UpdateRequest } from '../search-index';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function parseUpdateRequest(body: Record<string, unknown>): UpdateRequest {
  if (body.script !== undefined) throw unsupported('scripted updates: send a partial [doc]');
  const other = Object.keys(body).find((key) => !['doc', 'upsert', 'doc_as_upsert', 'detect_noop'].includes(key));
  if (other !== undefined) throw unsupported(`[${other}] in an update request`);
  if (body.doc !== undefined && !isObject(body.doc)) throw badRequest('[doc] must be an object');
  if (body.upsert !== undefined && !isObject(body.upsert)) throw badRequest('[upsert] must be an object');
  if (body.doc === undefined && body.upsert === undefined) throw badRequest('Validation Failed: 1: script or doc is missing;');
  return { doc: body.doc, upsert: body.upsert, docAsUpsert: body.doc_as_upsert === true, detectNoop: body.detect_noop !== false };
}
