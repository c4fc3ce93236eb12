// What every operation gets: the client, the data source's table, its clock and versioning.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Clock } from '../../services/clock';
import type { JsonRecord } from './request/fields';

/** `DeltaSyncConfig` of the data source (minutes, as in CloudFormation). */
export interface DeltaSyncSettings {
  /** Minutes a deleted item stays in the base table as a tombstone; 0 deletes at once; null keeps it. */
  readonly baseTableTtl: number | null;
  readonly deltaSyncTableName: string;
  /** Minutes a change record stays in the delta table; null keeps it. */
  readonly deltaSyncTableTtl: number | null;
}

export interface OperationContext {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly clock: Clock;
  /** Set for a versioned data source (conflict detection VERSION, conflict handler NONE). */
  readonly versioning: { readonly deltaSync: DeltaSyncSettings | undefined } | undefined;
}

/** One request operation: the request object in, `ctx.result` out, or a DataSourceError thrown. */
export type Operation = (request: JsonRecord, context: OperationContext) => Promise<unknown>;
