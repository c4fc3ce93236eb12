// Sync: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-sync.html
// ctx.result is { items, nextToken, scannedCount, startedAt }. Without `lastSync` it pages through
// the Base table (tombstones included); with `lastSync` through the Delta table's change records
// since then. A `lastSync` older than DeltaSyncTableTTL falls back to the Base table, whose
// records the Delta table no longer holds. `startedAt` stays that of the first page.
import { QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { toJsonItem, type Item } from '../attribute-values';
import { callDynamoDb, DataSourceError } from '../errors';
import type { DeltaSyncSettings, Operation, OperationContext } from '../operation-context';
import { decodeToken, encodeToken, invalidTokenError, keyState, stateKey } from '../pagination-token';
import { ExpressionAttributes, readOptionalSection, type ExpressionSection } from '../request/expressions';
import { optionalInteger, optionalString, rejectUnknownFields, type JsonRecord } from '../request/fields';
import { readLimit } from '../request/paging';
import { rejectUnsupportedFields } from '../request/unsupported';
import { DELTA_PARTITION_KEY, DELTA_SORT_KEY, deltaPartition, isoDate, isoTime } from '../versioning/delta-record';

const FIELDS = ['version', 'operation', 'basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync', 'filter'];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

type SyncState =
  | { phase: 'base'; startedAt: number; key?: JsonRecord }
  | { phase: 'delta'; startedAt: number; lastSync: number; day: string; key?: JsonRecord };

interface Page {
  items: Item[];
  scannedCount: number;
  next: SyncState | undefined;
}

const tokenScope = (tableName: string): string => `Sync:${tableName}`;

function readState(token: string, tableName: string): SyncState {
  const state = decodeToken(token, tokenScope(tableName));
  const valid =
    typeof state.startedAt === 'number' &&
    (state.phase === 'base' || (state.phase === 'delta' && typeof state.lastSync === 'number' && typeof state.day === 'string'));
  if (!valid) throw invalidTokenError();
  return state as unknown as SyncState;
}

function firstState(lastSync: number | undefined, startedAt: number, deltaSync: DeltaSyncSettings | undefined): SyncState {
  const deltaCovers =
    lastSync !== undefined &&
    deltaSync !== undefined &&
    (deltaSync.deltaSyncTableTtl === null || lastSync >= startedAt - deltaSync.deltaSyncTableTtl * 60_000);
  return deltaCovers ? { phase: 'delta', startedAt, lastSync, day: isoDate(new Date(lastSync)) } : { phase: 'base', startedAt };
}

async function basePage(context: OperationContext, state: SyncState & { phase: 'base' }, limit: number, filter: ExpressionSection | undefined): Promise<Page> {
  const output = await callDynamoDb(() =>
    context.client.send(
      new ScanCommand({
        TableName: context.tableName,
        Limit: limit,
        FilterExpression: filter?.expression,
        ExclusiveStartKey: state.key === undefined ? undefined : stateKey(state.key),
        ...new ExpressionAttributes().add(filter).build(),
      }),
    ),
  );
  const key = output.LastEvaluatedKey;
  return { items: output.Items ?? [], scannedCount: output.ScannedCount ?? 0, next: key === undefined ? undefined : { ...state, key: keyState(key) } };
}

const nextDay = (day: string): string => isoDate(new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS));

/** Change records from `state.day` on, one Delta partition per day, until `limit` or `startedAt`'s day. */
async function deltaPage(
  context: OperationContext,
  deltaSync: DeltaSyncSettings,
  state: SyncState & { phase: 'delta' },
  limit: number,
  filter: ExpressionSection | undefined,
): Promise<Page> {
  const lastDay = isoDate(new Date(state.startedAt));
  const firstDay = isoDate(new Date(state.lastSync));
  const items: Item[] = [];
  let scannedCount = 0;
  let day = state.day;
  let key = state.key === undefined ? undefined : stateKey(state.key);
  for (;;) {
    const sinceLastSync = day === firstDay;
    const keyCondition: ExpressionSection = {
      expression: sinceLastSync ? '#__pk = :__pk AND #__sk >= :__sk' : '#__pk = :__pk',
      names: { '#__pk': DELTA_PARTITION_KEY, ...(sinceLastSync ? { '#__sk': DELTA_SORT_KEY } : {}) },
      values: { ':__pk': { S: deltaPartition(context.tableName, day) }, ...(sinceLastSync ? { ':__sk': { S: isoTime(new Date(state.lastSync)) } } : {}) },
    };
    const output = await callDynamoDb(() =>
      context.client.send(
        new QueryCommand({
          TableName: deltaSync.deltaSyncTableName,
          KeyConditionExpression: keyCondition.expression,
          FilterExpression: filter?.expression,
          Limit: limit - items.length,
          ExclusiveStartKey: key,
          ...new ExpressionAttributes().add(keyCondition).add(filter).build(),
        }),
      ),
    );
    items.push(...(output.Items ?? []));
    scannedCount += output.ScannedCount ?? 0;
    key = output.LastEvaluatedKey;
    if (key !== undefined) return { items, scannedCount, next: { ...state, day, key: keyState(key) } };
    if (day >= lastDay) return { items, scannedCount, next: undefined };
    day = nextDay(day);
    if (items.length >= limit) return { items, scannedCount, next: { phase: 'delta', startedAt: state.startedAt, lastSync: state.lastSync, day } };
  }
}

/** A change record as the item it recorded: without the Delta table's own key and expiry. */
const DELTA_FIELDS = [DELTA_PARTITION_KEY, DELTA_SORT_KEY, '_ttl'];
const withoutDeltaFields = (record: Item): Item => Object.fromEntries(Object.entries(record).filter(([name]) => !DELTA_FIELDS.includes(name)));

export const sync: Operation = async (request: JsonRecord, context) => {
  rejectUnknownFields(request, FIELDS, '$');
  if (context.versioning === undefined) {
    // "Sync requests can only be made to versioned DynamoDB data sources."
    throw new DataSourceError('UnsupportedOperation', 'Sync requests can only be made to versioned DynamoDB data sources.');
  }
  rejectUnsupportedFields(request, ['basePartitionKey', 'deltaIndexName'], 'Sync');
  const limit = readLimit(request, '$', MAX_LIMIT) ?? DEFAULT_LIMIT;
  const filter = readOptionalSection(request, 'filter', '$');
  const token = optionalString(request, 'nextToken', '$');
  const deltaSync = context.versioning.deltaSync;
  const state =
    token === undefined
      ? firstState(optionalInteger(request, 'lastSync', '$'), context.clock.now().getTime(), deltaSync)
      : readState(token, context.tableName);

  let page: Page;
  if (state.phase === 'base') page = await basePage(context, state, limit, filter);
  else if (deltaSync !== undefined) page = await deltaPage(context, deltaSync, state, limit, filter);
  else throw invalidTokenError();
  return {
    items: page.items.map((item) => toJsonItem(state.phase === 'delta' ? withoutDeltaFields(item) : item)),
    nextToken: page.next === undefined ? null : encodeToken(tokenScope(context.tableName), page.next as unknown as JsonRecord),
    scannedCount: page.scannedCount,
    startedAt: state.startedAt,
  };
};
