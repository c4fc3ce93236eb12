import type { ResourceInput } from './model-context';
import type { ValueReader } from './value-reader';

export interface KeySchemaElement {
  readonly attributeName: string;
  readonly keyType: 'HASH' | 'RANGE';
}

export interface AttributeDefinition {
  readonly attributeName: string;
  readonly attributeType: 'S' | 'N' | 'B';
}

export interface Projection {
  /** Null when the template gives none (CloudFormation requires one; CDK always writes it). */
  readonly projectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE' | null;
  readonly nonKeyAttributes: readonly string[];
}

export interface SecondaryIndex {
  readonly indexName: string;
  readonly keySchema: readonly KeySchemaElement[];
  readonly projection: Projection;
}

export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** `AWS::DynamoDB::Table` or `AWS::DynamoDB::GlobalTable` (CDK's TableV2), as DynamoDB Local creates it. */
export interface TableModel {
  readonly logicalId: string;
  readonly tableName: string;
  readonly tableArn: string;
  /** Null when the table has no stream. */
  readonly streamArn: string | null;
  readonly keySchema: readonly KeySchemaElement[];
  readonly attributeDefinitions: readonly AttributeDefinition[];
  readonly gsis: readonly SecondaryIndex[];
  readonly lsis: readonly SecondaryIndex[];
  /** The TTL attribute when TTL is enabled; null otherwise. */
  readonly ttlAttribute: string | null;
  readonly streamViewType: StreamViewType | null;
  readonly billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
}

const STREAM_VIEW_TYPES: readonly StreamViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

export function buildTableModel(input: ResourceInput): TableModel {
  const { properties, logicalId, context } = input;
  const ttl = properties.object('TimeToLiveSpecification');
  const streamViewType = properties.object('StreamSpecification')?.oneOf('StreamViewType', STREAM_VIEW_TYPES) ?? null;
  const ref = context.resolver.resolve({ Ref: logicalId }, `Resources.${logicalId}`);
  const arn = context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] }, `Resources.${logicalId}`);
  const streamArn = streamViewType === null ? null : context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'StreamArn'] }, `Resources.${logicalId}`);
  return {
    logicalId,
    tableName: String(ref),
    tableArn: String(arn),
    streamArn: streamArn === null ? null : String(streamArn),
    keySchema: keySchema(properties),
    attributeDefinitions: properties.objects('AttributeDefinitions').flatMap((definition) => {
      const attributeName = definition.string('AttributeName');
      const attributeType = definition.oneOf('AttributeType', ['S', 'N', 'B'] as const);
      return attributeName === undefined || attributeType === undefined ? [] : [{ attributeName, attributeType }];
    }),
    gsis: properties.objects('GlobalSecondaryIndexes').flatMap(secondaryIndex),
    lsis: properties.objects('LocalSecondaryIndexes').flatMap(secondaryIndex),
    ttlAttribute: ttl !== undefined && ttl.boolean('Enabled') === true ? (ttl.string('AttributeName') ?? null) : null,
    streamViewType,
    // CloudFormation's default is PROVISIONED
    // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-dynamodb-table.html#cfn-dynamodb-table-billingmode).
    billingMode: properties.oneOf('BillingMode', ['PROVISIONED', 'PAY_PER_REQUEST'] as const) ?? 'PROVISIONED',
  };
}

function keySchema(reader: ValueReader): KeySchemaElement[] {
  return reader.objects('KeySchema').flatMap((element) => {
    const attributeName = element.string('AttributeName');
    const keyType = element.oneOf('KeyType', ['HASH', 'RANGE'] as const);
    return attributeName === undefined || keyType === undefined ? [] : [{ attributeName, keyType }];
  });
}

function secondaryIndex(index: ValueReader): SecondaryIndex[] {
  const indexName = index.string('IndexName');
  if (indexName === undefined) return [];
  const projection = index.object('Projection');
  return [
    {
      indexName,
      keySchema: keySchema(index),
      projection: {
        projectionType: projection?.oneOf('ProjectionType', ['ALL', 'KEYS_ONLY', 'INCLUDE'] as const) ?? null,
        nonKeyAttributes: projection?.strings('NonKeyAttributes') ?? [],
      },
    },
  ];
}
