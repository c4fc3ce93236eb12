import { AttributeType, StreamViewType } from 'aws-cdk-lib/aws-dynamodb';

/** One key attribute of a table or index. */
export interface KeyAttribute {
  readonly name: string;
  readonly type: AttributeType;
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
}

interface TableShape {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalSecondaryIndexes?: readonly IndexDefinition[];
  /** Tables that transactions started from this table's resolvers also write (e.g. handle claims). */
  readonly transactsWith?: readonly TableName[];
  /** Stream for the Lambda consumers (expiry cleanup on Users, search indexer on Notes). */
  readonly stream?: StreamViewType;
}

/**
 * A table either expires items through its own TTL attribute, or is versioned: its AppSync data source
 * does conflict detection and delta sync, with a delta sync table beside it, and AppSync's tombstones
 * expire through `_ttl`. DynamoDB allows one TTL attribute per table, hence one or the other.
 */
export type TableDefinition = TableShape &
  (
    | { readonly versioned?: undefined; readonly timeToLiveAttribute?: string }
    | { readonly versioned: VersioningDefinition; readonly timeToLiveAttribute?: never }
  );

/** What a physical table is made from: keys, indexes, stream and TTL attribute (epoch seconds). */
export type TableLayout = TableShape & { readonly timeToLiveAttribute?: string };

/** How long AppSync keeps tombstones and delta records of a versioned table, in minutes. */
export interface VersioningDefinition {
  readonly baseTableTtlMinutes: number;
  readonly deltaSyncTableTtlMinutes: number;
}

/**
 * The delta sync table's schema, as AppSync requires it: ds_pk and ds_sk strings, TTL on _ttl
 * (https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html).
 */
export const DELTA_SYNC_TABLE: TableLayout = {
  partitionKey: { name: 'ds_pk', type: AttributeType.STRING },
  sortKey: { name: 'ds_sk', type: AttributeType.STRING },
  timeToLiveAttribute: '_ttl',
};

/** The TTL attribute AppSync sets on the tombstones of a versioned table. */
export const TOMBSTONE_TTL_ATTRIBUTE = '_ttl';

/** The tables of DESIGN.md, one per entity. */
export type TableName = 'Users' | 'Handles' | 'Spaces' | 'Memberships' | 'Notes' | 'Comments' | 'Devices' | 'LinkPreviews';

const S = AttributeType.STRING;

/**
 * One table per entity, so streams, TTL and AppSync versioning stay per entity. The keys are the construct IDs, the data source names and the stem of the resolvers'
 * table-name environment variables, so they are a stable contract.
 */
export const TABLE_DEFINITIONS: Readonly<Record<TableName, TableDefinition>> = {
  Users: {
    partitionKey: { name: 'id', type: S },
    timeToLiveAttribute: 'expiresAt',
    stream: StreamViewType.NEW_AND_OLD_IMAGES,
    // updateProfile claims a handle and updates the user in one transaction.
    transactsWith: ['Handles'],
  },
  Handles: {
    partitionKey: { name: 'handle', type: S },
  },
  Spaces: {
    partitionKey: { name: 'id', type: S },
    // createSpace writes the space and its OWNER membership in one transaction.
    transactsWith: ['Memberships'],
  },
  Memberships: {
    partitionKey: { name: 'spaceId', type: S },
    sortKey: { name: 'userId', type: S },
    globalSecondaryIndexes: [
      { indexName: 'byUser', partitionKey: { name: 'userId', type: S }, sortKey: { name: 'spaceId', type: S } },
    ],
    // addMember, removeMember and leaveSpace keep Spaces.memberCount in step, and addMember checks
    // the new member's profile in Users, in the same transaction.
    transactsWith: ['Spaces', 'Users'],
  },
  Notes: {
    partitionKey: { name: 'id', type: S },
    globalSecondaryIndexes: [
      { indexName: 'bySpace', partitionKey: { name: 'spaceId', type: S }, sortKey: { name: 'updatedAt', type: S } },
      // Sparse: the expiry cleanup finds an expired user's notes here; anonymised notes drop out.
      { indexName: 'byAuthor', partitionKey: { name: 'authorId', type: S } },
    ],
    stream: StreamViewType.NEW_AND_OLD_IMAGES,
    // Offline clients sync notes: tombstones live 30 days (as long as a client may stay offline and
    // still catch up by delta), change records 30 minutes, AppSync's and Amplify's defaults.
    versioned: { baseTableTtlMinutes: 43200, deltaSyncTableTtlMinutes: 30 },
  },
  Comments: {
    // sk is `${createdAt}#${id}`: comments of a note sort by time, ties broken by id.
    partitionKey: { name: 'noteId', type: S },
    sortKey: { name: 'sk', type: S },
    // Sparse, like Notes.byAuthor: an expired user's comments, for the cleanup to anonymise.
    globalSecondaryIndexes: [{ indexName: 'byAuthor', partitionKey: { name: 'authorId', type: S } }],
  },
  Devices: {
    partitionKey: { name: 'userId', type: S },
    sortKey: { name: 'deviceId', type: S },
    timeToLiveAttribute: 'expiresAt',
  },
  LinkPreviews: {
    partitionKey: { name: 'url', type: S },
    timeToLiveAttribute: 'expiresAt',
  },
};

export const TABLE_NAMES = Object.keys(TABLE_DEFINITIONS) as TableName[];

/** The AppSync environment variable that carries a table's physical name, e.g. USERS_TABLE. */
export function tableEnvironmentVariable(table: TableName): string {
  return `${table.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}_TABLE`;
}
