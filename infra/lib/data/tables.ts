import { RemovalPolicy } from 'aws-cdk-lib';
import { BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  DELTA_SYNC_TABLE,
  TABLE_DEFINITIONS,
  TABLE_NAMES,
  TOMBSTONE_TTL_ATTRIBUTE,
  type TableLayout,
  type TableName,
} from './table-definitions';

export interface OutpostTablesProps {
  /**
   * What happens to the tables (and their data) when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Every DynamoDB table of the domain: on-demand, point-in-time recovery, TTL and streams per table. */
export class OutpostTables extends Construct {
  readonly tables: Readonly<Record<TableName, Table>>;
  /** The delta sync table of each versioned table (construct ID `<Name>DeltaSync`). */
  readonly deltaSyncTables: Readonly<Partial<Record<TableName, Table>>>;

  constructor(scope: Construct, id: string, props: OutpostTablesProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const tables = {} as Record<TableName, Table>;
    const deltaSyncTables: Partial<Record<TableName, Table>> = {};
    for (const name of TABLE_NAMES) {
      const definition = TABLE_DEFINITIONS[name];
      if (definition.versioned) {
        tables[name] = this.createTable(name, { ...definition, timeToLiveAttribute: TOMBSTONE_TTL_ATTRIBUTE }, removalPolicy);
        deltaSyncTables[name] = this.createTable(`${name}DeltaSync`, DELTA_SYNC_TABLE, removalPolicy);
      } else {
        tables[name] = this.createTable(name, definition, removalPolicy);
      }
    }
    this.tables = tables;
    this.deltaSyncTables = deltaSyncTables;
  }

  private createTable(id: string, definition: TableLayout, removalPolicy: RemovalPolicy): Table {
    const table = new Table(this, id, {
      partitionKey: definition.partitionKey,
      sortKey: definition.sortKey,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: definition.timeToLiveAttribute,
      stream: definition.stream,
      removalPolicy,
    });
    for (const index of definition.globalSecondaryIndexes ?? []) {
      table.addGlobalSecondaryIndex({ ...index, projectionType: ProjectionType.ALL });
    }
    return table;
  }
}
