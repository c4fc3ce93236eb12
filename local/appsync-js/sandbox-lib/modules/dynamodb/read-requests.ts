// query, scan and sync: the requests that read many items.
// https://docs.aws.amazon.com/appsync/latest/devguide/built-in-modules-js.html

import { toExpression } from './condition';
import { requirePayload, withOptional } from './item-requests';
import { toKeyCondition } from './key-condition';
import { toProjection } from './projection';

type Request = Record<string, unknown>;

function readFields(payload: Record<string, unknown>, helper: string): Record<string, unknown> {
  return {
    index: payload.index,
    limit: payload.limit,
    nextToken: payload.nextToken,
    consistentRead: payload.consistentRead,
    select: payload.select,
    filter: toExpression(payload.filter, `${helper} filter`),
    projection: toProjection(payload.projection),
  };
}

export function query(input: unknown): Request {
  const payload = requirePayload(input, 'query');
  return withOptional({ operation: 'Query', query: toKeyCondition(payload.query) }, { ...readFields(payload, 'query'), scanIndexForward: payload.scanIndexForward });
}

export function scan(input: unknown): Request {
  const payload = requirePayload(input, 'scan');
  return withOptional({ operation: 'Scan' }, { ...readFields(payload, 'scan'), totalSegments: payload.totalSegments, segment: payload.segment });
}

export function sync(input: unknown): Request {
  const payload = requirePayload(input, 'sync');
  return withOptional(
    { operation: 'Sync' },
    {
      basePartitionKey: payload.basePartitionKey,
      deltaIndexName: payload.deltaIndexName,
      limit: payload.limit,
      nextToken: payload.nextToken,
      lastSync: payload.lastSync,
      filter: toExpression(payload.filter, 'sync filter'),
    },
  );
}
