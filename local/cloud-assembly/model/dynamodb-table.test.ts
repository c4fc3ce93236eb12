import { lastFixtureDir, readFixture, removeFixtures, stack } from '../__fixtures__/read-fixture';

afterAll(removeFixtures);

describe('AWS::DynamoDB::Table and GlobalTable', () => {
  it('models keys, indexes, TTL, stream and billing', () => {
    const model = readFixture({
      Resources: {
        Memberships: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            TableName: 'Memberships',
            AttributeDefinitions: [
              { AttributeName: 'spaceId', AttributeType: 'S' },
              { AttributeName: 'userId', AttributeType: 'S' },
              { AttributeName: 'joinedAt', AttributeType: 'N' },
            ],
            KeySchema: [
              { AttributeName: 'spaceId', KeyType: 'HASH' },
              { AttributeName: 'userId', KeyType: 'RANGE' },
            ],
            GlobalSecondaryIndexes: [
              {
                IndexName: 'byUser',
                KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
                Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['role'] },
              },
            ],
            LocalSecondaryIndexes: [
              {
                IndexName: 'byJoinedAt',
                KeySchema: [
                  { AttributeName: 'spaceId', KeyType: 'HASH' },
                  { AttributeName: 'joinedAt', KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'KEYS_ONLY' },
              },
            ],
            StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
            TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
          },
        },
        Handles: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            AttributeDefinitions: [{ AttributeName: 'handle', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'handle', KeyType: 'HASH' }],
            BillingMode: 'PAY_PER_REQUEST',
            TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: false },
          },
        },
        Devices: {
          Type: 'AWS::DynamoDB::GlobalTable',
          Properties: {
            TableName: { 'Fn::Sub': '${AWS::StackName}-devices' },
            AttributeDefinitions: [{ AttributeName: 'userId', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' }],
            StreamSpecification: { StreamViewType: 'KEYS_ONLY' },
            TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
            Replicas: [{ Region: { Ref: 'AWS::Region' } }],
          },
        },
      },
    });
    expect(model).toEqual({
      directory: lastFixtureDir(),
      stacks: [
        stack({
          tables: [
            {
              logicalId: 'Memberships',
              tableName: 'Memberships',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Memberships',
              streamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Memberships/stream/1970-01-01T00:00:00.000',
              keySchema: [
                { attributeName: 'spaceId', keyType: 'HASH' },
                { attributeName: 'userId', keyType: 'RANGE' },
              ],
              attributeDefinitions: [
                { attributeName: 'spaceId', attributeType: 'S' },
                { attributeName: 'userId', attributeType: 'S' },
                { attributeName: 'joinedAt', attributeType: 'N' },
              ],
              gsis: [
                {
                  indexName: 'byUser',
                  keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
                  projection: { projectionType: 'INCLUDE', nonKeyAttributes: ['role'] },
                },
              ],
              lsis: [
                {
                  indexName: 'byJoinedAt',
                  keySchema: [
                    { attributeName: 'spaceId', keyType: 'HASH' },
                    { attributeName: 'joinedAt', keyType: 'RANGE' },
                  ],
                  projection: { projectionType: 'KEYS_ONLY', nonKeyAttributes: [] },
                },
              ],
              ttlAttribute: 'expiresAt',
              streamViewType: 'NEW_AND_OLD_IMAGES',
              billingMode: 'PROVISIONED',
            },
            {
              logicalId: 'Handles',
              tableName: 'Handles',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Handles',
              streamArn: null,
              keySchema: [{ attributeName: 'handle', keyType: 'HASH' }],
              attributeDefinitions: [{ attributeName: 'handle', attributeType: 'S' }],
              gsis: [],
              lsis: [],
              ttlAttribute: null,
              streamViewType: null,
              billingMode: 'PAY_PER_REQUEST',
            },
            {
              logicalId: 'Devices',
              tableName: 'Outpost-devices',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Outpost-devices',
              streamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Outpost-devices/stream/1970-01-01T00:00:00.000',
              keySchema: [{ attributeName: 'userId', keyType: 'HASH' }],
              attributeDefinitions: [{ attributeName: 'userId', attributeType: 'S' }],
              gsis: [],
              lsis: [],
              ttlAttribute: 'expiresAt',
              streamViewType: 'KEYS_ONLY',
              billingMode: 'PROVISIONED',
            },
          ],
        }),
      ],
      warnings: [],
    });
  });

  it('ignores a key type outside HASH and RANGE, with a warning', () => {
    const model = readFixture({
      Resources: {
        Bad: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'PARTITION' }],
            BillingMode: 'PAY_PER_REQUEST',
          },
        },
      },
    });
    expect(model).toEqual({
      directory: lastFixtureDir(),
      stacks: [
        stack({
          tables: [
            {
              logicalId: 'Bad',
              tableName: 'Bad',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Bad',
              streamArn: null,
              keySchema: [],
              attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
              gsis: [],
              lsis: [],
              ttlAttribute: null,
              streamViewType: null,
              billingMode: 'PAY_PER_REQUEST',
            },
          ],
        }),
      ],
      warnings: [
        {
          code: 'InvalidPropertyValue',
          message: 'Resources.Bad.Properties.KeySchema.0.KeyType should be one of HASH, RANGE but is "PARTITION"; it is ignored.',
          stackName: 'Outpost',
        },
      ],
    });
  });
});
