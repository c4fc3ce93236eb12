// The Delta table of a versioned data source: one record per change made through AppSync.
// Schema from https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
// (Delta sync table logging): ds_pk = "<base>:<ISO date>", ds_sk = "<ISO time>:<key>:<version>",
// _ttl = change time + DeltaSyncTableTTL, in epoch seconds.
import { PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { toJsonItem, type Item } from '../attribute-values';
import { DataSourceError } from '../errors';
import type { DeltaSyncSettings, OperationContext } from '../operation-context';
import { versionOf } from './metadata';

export const DELTA_PARTITION_KEY = 'ds_pk';
export const DELTA_SORT_KEY = 'ds_sk';

/** `YYYY-MM-DD` in UTC. */
export const isoDate = (time: Date): string => time.toISOString().slice(0, 10);

/** `HH:mm:ss.SSS` in UTC: the docs show seconds; milliseconds keep changes within a second in order. */
export const isoTime = (time: Date): string => time.toISOString().slice(11, 23);

export const deltaPartition = (baseTableName: string, day: string): string => `${baseTableName}:${day}`;

function keyText(value: AttributeValue): string {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return value.N;
  if (value.B !== undefined) return Buffer.from(value.B).toString('base64');
  throw new TypeError(`A key attribute must be S, N or B, got ${JSON.stringify(value)}`);
}

export function deltaRecord(baseTableName: string, settings: DeltaSyncSettings, item: Item, key: Item, changedAt: Date): Item {
  // Key values in the order the request gave them: partition key first, then sort key.
  const keyValue = Object.keys(key)
    .map((name) => keyText(item[name] ?? key[name]))
    .join('#');
  const ttl: Item =
    settings.deltaSyncTableTtl === null ? {} : { _ttl: { N: String(Math.floor(changedAt.getTime() / 1000) + settings.deltaSyncTableTtl * 60) } };
  return {
    ...item,
    [DELTA_PARTITION_KEY]: { S: deltaPartition(baseTableName, isoDate(changedAt)) },
    [DELTA_SORT_KEY]: { S: `${isoTime(changedAt)}:${keyValue}:${versionOf(item) ?? 0}` },
    ...ttl,
  };
}

/**
 * Records a change. The mutation has already happened, so a failure here is AppSync's
 * DeltaSyncWriteError ("Mutation succeeded, but ... failed to write to the delta sync table")
 * with the written item still in ctx.result.
 */
export async function recordChange(context: OperationContext, item: Item, key: Item, changedAt: Date): Promise<void> {
  const settings = context.versioning?.deltaSync;
  if (settings === undefined) return;
  try {
    await context.client.send(
      new PutItemCommand({ TableName: settings.deltaSyncTableName, Item: deltaRecord(context.tableName, settings, item, key, changedAt) }),
    );
  } catch (error) {
    throw new DataSourceError(
      'DeltaSyncWriteError',
      `Failed to write the delta sync record to ${settings.deltaSyncTableName}: ${(error as Error).message}`,
      toJsonItem(item),
      { cause: error },
    );
  }
}
