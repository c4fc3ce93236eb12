// POST /_bulk and POST /{index}/_bulk: NDJSON action lines (index, create, update, delete), each
// followed by its document where it has one. Items fail one by one; a malformed request fails whole.
import { badRequest, SearchApiError, unsupported } from '../errors';
import { applyRefresh, parseJson, type Action, type ActionRequest } from '../request';
import type { SearchIndex, WriteResult } from '../search-index';
import { checkId, generatedId } from './document-id';
import { parseUpdateRequest } from './update-request';
import { writeResponse } from './write-response';

type BulkAction = 'index' | 'create' | 'update' | 'delete';
const ACTIONS: readonly BulkAction[] = ['index', 'create', 'update', 'delete'];
const METADATA = ['_index', '_id', 'retry_on_conflict'];
const OPENSEARCH_METADATA = ['routing', 'if_seq_no', 'if_primary_term', 'version', 'version_type', 'pipeline', 'require_alias', 'dynamic_templates', '_source'];

interface Operation {
  readonly action: BulkAction;
  readonly index: string;
  readonly id: string | undefined;
  /** The document line, still text: a malformed one fails only its item. */
  readonly source: string | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseOperations(request: ActionRequest): Operation[] {
  const text = request.body.toString('utf8');
  if (text.length > 0 && !text.endsWith('\n')) throw badRequest('The bulk request must be terminated by a newline [\\n]');
  const lines = text.split('\n');
  lines.pop();
  const operations: Operation[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i].trim() === '') continue;
    const line = parseJson(lines[i], `bulk line [${i + 1}]`);
    if (!isObject(line) || Object.keys(line).length !== 1) throw badRequest(`Malformed action/metadata line [${i + 1}], expected START_OBJECT or END_OBJECT but found [${JSON.stringify(line)}]`);
    const [name, metadata] = Object.entries(line)[0];
    if (!ACTIONS.includes(name as BulkAction)) throw badRequest(`Malformed action/metadata line [${i + 1}], expected one of [create, delete, index, update] but found [${name}]`);
    if (!isObject(metadata)) throw badRequest(`Malformed action/metadata line [${i + 1}], expected START_OBJECT but found [${JSON.stringify(metadata)}]`);
    for (const key of Object.keys(metadata)) {
      if (OPENSEARCH_METADATA.includes(key)) throw unsupported(`[${key}] in bulk action/metadata line [${i + 1}]`);
      if (!METADATA.includes(key)) throw badRequest(`Action/metadata line [${i + 1}] contains an unknown parameter [${key}]`);
    }
    const action = name as BulkAction;
    const index = typeof metadata._index === 'string' ? metadata._index : request.params.index;
    if (index === undefined) throw new SearchApiError(400, 'action_request_validation_exception', 'Validation Failed: 1: index is missing;');
    const id = metadata._id === undefined ? undefined : String(metadata._id);
    if (id === undefined && (action === 'update' || action === 'delete')) throw new SearchApiError(400, 'action_request_validation_exception', 'Validation Failed: 1: id is missing;');
    let source: string | undefined;
    if (action !== 'delete') {
      i += 1;
      if (i >= lines.length) throw badRequest(`Validation Failed: 1: no requests added; the ${action} on line [${i}] has no document line;`);
      source = lines[i];
    }
    operations.push({ action, index, id, source });
  }
  if (operations.length === 0) throw new SearchApiError(400, 'action_request_validation_exception', 'Validation Failed: 1: no requests added;');
  return operations;
}

function sourceObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SearchApiError(400, 'mapper_parsing_exception', 'failed to parse', { caused_by: { type: 'json_parse_exception', reason: 'the document line is not valid JSON' } }, { cause: error });
  }
  if (!isObject(value)) throw new SearchApiError(400, 'mapper_parsing_exception', 'failed to parse', { caused_by: { type: 'not_x_content_exception', reason: 'Compressor detection can only be called on some xcontent bytes or compressed xcontent bytes' } });
  return value;
}

function run(operation: Operation, request: ActionRequest): { index: SearchIndex; result: WriteResult } {
  const { cluster } = request;
  switch (operation.action) {
    case 'index':
    case 'create': {
      const source = sourceObject(operation.source ?? '');
      const index = cluster.getOrCreate(operation.index);
      return { index, result: index.index(operation.id === undefined ? generatedId() : checkId(operation.id), source, operation.action) };
    }
    case 'update': {
      const update = parseUpdateRequest(sourceObject(operation.source ?? ''));
      const index = cluster.getOrCreate(operation.index);
      return { index, result: index.update(operation.id ?? '', update) };
    }
    case 'delete': {
      const index = cluster.get(operation.index);
      return { index, result: index.delete(operation.id ?? '') };
    }
  }
}

export const bulk: Action = async (request) => {
  const started = Date.now();
  const operations = parseOperations(request);
  type Outcome = { operation: Operation; index: SearchIndex; result: WriteResult } | { operation: Operation; error: SearchApiError };
  const outcomes = operations.map((operation): Outcome => {
    try {
      return { operation, ...run(operation, request) };
    } catch (error) {
      if (!(error instanceof SearchApiError)) throw error;
      return { operation, error };
    }
  });
  request.cluster.changed();
  const touched = [...new Set(outcomes.flatMap((outcome) => ('index' in outcome ? [outcome.index] : [])))];
  const forced = await applyRefresh(request, touched);
  const items = outcomes.map((outcome) => {
    const { action, index, id } = outcome.operation;
    if ('error' in outcome) {
      return { [action]: { _index: index, _id: id ?? null, status: outcome.error.status, error: outcome.error.toCause() } };
    }
    return { [action]: { ...writeResponse(outcome.index, outcome.result, forced), status: outcome.result.status } };
  });
  return { status: 200, body: { took: Date.now() - started, errors: outcomes.some((outcome) => 'error' in outcome), items } };
};
