// Test support: one in-memory DynamoDB Local per test file, and tables created through the SDK.
import { CreateTableCommand, type AttributeDefinition, type DynamoDBClient, type GlobalSecondaryIndex } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient, startDynamoDbLocal, type DynamoDbLocalHandle } from '../../../services/dynamodb-local';

export interface LocalDynamoDb {
  readonly client: DynamoDBClient;
  /** Ends the client and the Java process (by its pid, through the service's stop()). */
  stop(): Promise<void>;
}

export async function startLocalDynamoDb(): Promise<LocalDynamoDb> {
  const handle: DynamoDbLocalHandle = await startDynamoDbLocal({ inMemory: true, log: () => undefined });
  const client = localDynamoDbClient(handle.endpoint);
  return {
    client,
    async stop() {
      client.destroy();
      await handle.stop();
    },
  };
}

export interface TableSpec {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey?: string;
  /** Attribute types of the keys (default S). */
  readonly types?: Record<string, 'S' | 'N' | 'B'>;
  readonly indexes?: readonly { readonly name: string; readonly hashKey: string; readonly rangeKey?: string }[];
}

export async function createTable(client: DynamoDBClient, spec: TableSpec): Promise<void> {
  const keyNames = new Set([spec.hashKey, spec.rangeKey, ...(spec.indexes ?? []).flatMap((index) => [index.hashKey, index.rangeKey])]);
  const definitions: AttributeDefinition[] = [...keyNames]
    .filter((name): name is string => name !== undefined)
    .map((name) => ({ AttributeName: name, AttributeType: spec.types?.[name] ?? 'S' }));
  const keySchema = (hashKey: string, rangeKey: string | undefined) => [
    { AttributeName: hashKey, KeyType: 'HASH' as const },
    ...(rangeKey === undefined ? [] : [{ AttributeName: rangeKey, KeyType: 'RANGE' as const }]),
  ];
  const indexes: GlobalSecondaryIndex[] = (spec.indexes ?? []).map((index) => ({
    IndexName: index.name,
    KeySchema: keySchema(index.hashKey, index.rangeKey),
    Projection: { ProjectionType: 'ALL' },
  }));
  await client.send(
    new CreateTableCommand({
      TableName: spec.name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: definitions,
      KeySchema: keySchema(spec.hashKey, spec.rangeKey),
      ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
    }),
  );
}
