// Step 5 of `npm start` for DynamoDB: make DynamoDB Local's tables match the template. Safe on every
// start: missing tables are created, GSIs and streams follow the template, and a change that would
// lose data (a different primary key or LSI) stops with a message that asks for `--reset`, which
// starts from empty data.
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { SecondaryIndex, TableModel } from '../cloud-assembly';

export class TableChangeNeedsResetError extends Error {
  constructor(
    readonly tableName: string,
    readonly change: string,
  ) {
    super(`Table ${tableName}: ${change}. That change would lose data; run \`npm start -- --reset\` to start again from empty data.`);
    this.name = 'TableChangeNeedsResetError';
  }
}

export interface ProvisionTablesOptions {
  readonly log: (line: string) => void;
}

export type TableAction = 'created' | 'unchanged' | 'updated';

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

function indexInput(index: SecondaryIndex) {
  return {
    IndexName: index.indexName,
    KeySchema: index.keySchema.map((key) => ({ AttributeName: key.attributeName, KeyType: key.keyType })),
    Projection: {
      ProjectionType: index.projection.projectionType ?? 'ALL',
      ...(index.projection.nonKeyAttributes.length > 0 ? { NonKeyAttributes: [...index.projection.nonKeyAttributes] } : {}),
    },
  };
}

function keysText(keys: readonly { AttributeName?: string; KeyType?: string }[] | undefined): string {
  return (keys ?? []).map((key) => `${key.AttributeName}:${key.KeyType}`).join(',');
}

function attributeDefinitions(table: TableModel) {
  return table.attributeDefinitions.map((definition) => ({ AttributeName: definition.attributeName, AttributeType: definition.attributeType }));
}

async function create(client: DynamoDBClient, table: TableModel): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table.tableName,
      KeySchema: table.keySchema.map((key) => ({ AttributeName: key.attributeName, KeyType: key.keyType })),
      AttributeDefinitions: attributeDefinitions(table),
      BillingMode: 'PAY_PER_REQUEST',
      ...(table.gsis.length > 0 ? { GlobalSecondaryIndexes: table.gsis.map(indexInput) } : {}),
      ...(table.lsis.length > 0 ? { LocalSecondaryIndexes: table.lsis.map(indexInput) } : {}),
      ...(table.streamViewType ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType } } : {}),
    }),
  );
  if (table.ttlAttribute) {
    await client.send(new UpdateTimeToLiveCommand({ TableName: table.tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: table.ttlAttribute } }));
  }
}

/** The first change between the live table and the template that would lose data, if any. */
function destructiveChange(live: TableDescription, table: TableModel): string | undefined {
  const wantedKeys = keysText(table.keySchema.map((key) => ({ AttributeName: key.attributeName, KeyType: key.keyType })));
  if (keysText(live.KeySchema) !== wantedKeys) return `its primary key changed from ${keysText(live.KeySchema)} to ${wantedKeys}`;
  const liveLsis = (live.LocalSecondaryIndexes ?? []).map((index) => `${index.IndexName}(${keysText(index.KeySchema)})`).sort().join(' ');
  const wantedLsis = table.lsis.map((index) => `${index.indexName}(${keysText(indexInput(index).KeySchema)})`).sort().join(' ');
  if (liveLsis !== wantedLsis) return `its local secondary indexes changed from [${liveLsis}] to [${wantedLsis}]`;
  return undefined;
}

/** Adds, replaces and drops GSIs one at a time (DynamoDB takes one index change per UpdateTable). */
async function reconcileGsis(client: DynamoDBClient, live: TableDescription, table: TableModel, log: (line: string) => void): Promise<boolean> {
  const liveGsis = new Map((live.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName ?? '', keysText(index.KeySchema)]));
  const wanted = new Map(table.gsis.map((index) => [index.indexName, index]));
  let changed = false;
  for (const [name, keys] of liveGsis) {
    const target = wanted.get(name);
    if (target && keysText(indexInput(target).KeySchema) === keys) continue;
    // An index holds only copies of items, so dropping one loses nothing.
    await client.send(new UpdateTableCommand({ TableName: table.tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: name } }] }));
    log(`tables: ${table.tableName}: dropped GSI ${name}`);
    liveGsis.delete(name);
    changed = true;
  }
  for (const index of table.gsis) {
    if (liveGsis.has(index.indexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: table.tableName,
        AttributeDefinitions: attributeDefinitions(table),
        GlobalSecondaryIndexUpdates: [{ Create: indexInput(index) }],
      }),
    );
    log(`tables: ${table.tableName}: added GSI ${index.indexName}`);
    changed = true;
  }
  return changed;
}

async function reconcileStream(client: DynamoDBClient, live: TableDescription, table: TableModel, log: (line: string) => void): Promise<boolean> {
  const liveView = live.StreamSpecification?.StreamEnabled ? live.StreamSpecification.StreamViewType : undefined;
  const wantedView = table.streamViewType ?? undefined;
  if (liveView === wantedView) return false;
  if (liveView) await client.send(new UpdateTableCommand({ TableName: table.tableName, StreamSpecification: { StreamEnabled: false } }));
  if (wantedView) {
    await client.send(new UpdateTableCommand({ TableName: table.tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: wantedView } }));
  }
  log(`tables: ${table.tableName}: stream ${liveView ?? 'off'} -> ${wantedView ?? 'off'}`);
  return true;
}

export async function provisionTables(client: DynamoDBClient, tables: readonly TableModel[], options: ProvisionTablesOptions): Promise<Record<string, TableAction>> {
  const actions: Record<string, TableAction> = {};
  for (const table of tables) {
    const live = await describe(client, table.tableName);
    if (!live) {
      await create(client, table);
      actions[table.tableName] = 'created';
      continue;
    }
    const change = destructiveChange(live, table);
    if (change) throw new TableChangeNeedsResetError(table.tableName, change);
    const gsisChanged = await reconcileGsis(client, live, table, options.log);
    const streamChanged = await reconcileStream(client, live, table, options.log);
    actions[table.tableName] = gsisChanged || streamChanged ? 'updated' : 'unchanged';
  }
  return actions;
}
