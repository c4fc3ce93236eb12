import { join } from 'node:path';
import { lastFixtureDir, readFixture, removeFixtures, stack } from '../__fixtures__/read-fixture';
import { assetFileName, assetObjectKey, type FixtureAsset } from '../__fixtures__/write-assembly';

afterAll(removeFixtures);

const cleanupCode: FixtureAsset = { hash: 'c'.repeat(64), packaging: 'zip', files: { 'index.js': 'exports.handler = async () => ({ batchItemFailures: [] });' } };
const bucket = { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' };

const usersTable = {
  Type: 'AWS::DynamoDB::Table',
  Properties: {
    TableName: 'Users',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamViewType: 'OLD_IMAGE' },
    TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
  },
};

describe('AWS::Lambda::Function and EventSourceMapping', () => {
  it('models functions with resolved environments and asset code, and DynamoDB stream mappings', () => {
    const model = readFixture(
      {
        Resources: {
          Users: usersTable,
          Search: { Type: 'AWS::OpenSearchServerless::Collection', Properties: { Name: 'notes' } },
          FailedCleanups: { Type: 'AWS::SQS::Queue', Properties: {} },
          Cleanup: {
            Type: 'AWS::Lambda::Function',
            Properties: {
              FunctionName: 'outpost-cleanup',
              Handler: 'index.handler',
              Runtime: 'nodejs22.x',
              Timeout: 30,
              MemorySize: 512,
              Architectures: ['arm64'],
              Code: { S3Bucket: bucket, S3Key: assetObjectKey(cleanupCode) },
              Environment: {
                Variables: {
                  USERS_TABLE: { Ref: 'Users' },
                  USERS_STREAM: { 'Fn::GetAtt': ['Users', 'StreamArn'] },
                  SEARCH_ENDPOINT: { 'Fn::GetAtt': ['Search', 'CollectionEndpoint'] },
                  POOL_REGION: { Ref: 'AWS::Region' },
                },
              },
            },
          },
          CleanupOnTtl: {
            Type: 'AWS::Lambda::EventSourceMapping',
            Properties: {
              FunctionName: { Ref: 'Cleanup' },
              EventSourceArn: { 'Fn::GetAtt': ['Users', 'StreamArn'] },
              StartingPosition: 'LATEST',
              BatchSize: 25,
              MaximumRetryAttempts: 3,
              BisectBatchOnFunctionError: true,
              FunctionResponseTypes: ['ReportBatchItemFailures'],
              FilterCriteria: {
                Filters: [{ Pattern: '{"eventName":["REMOVE"],"userIdentity":{"type":["Service"],"principalId":["dynamodb.amazonaws.com"]}}' }],
              },
              DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailedCleanups', 'Arn'] } } },
            },
          },
          CleanupDefaults: {
            Type: 'AWS::Lambda::EventSourceMapping',
            Properties: { FunctionName: { 'Fn::GetAtt': ['Cleanup', 'Arn'] }, EventSourceArn: { 'Fn::GetAtt': ['Users', 'StreamArn'] }, StartingPosition: 'TRIM_HORIZON' },
          },
        },
      },
      [cleanupCode],
      { endpoints: { searchUrl: 'http://localhost:9200' } },
    );
    const usersStream = 'arn:aws:dynamodb:us-east-1:000000000000:table/Users/stream/1970-01-01T00:00:00.000';
    const mappingDefaults = {
      enabled: true,
      filters: [],
      batchSize: 100,
      maximumBatchingWindowInSeconds: 0,
      maximumRetryAttempts: -1,
      maximumRecordAgeInSeconds: -1,
      bisectBatchOnFunctionError: false,
      parallelizationFactor: 1,
      functionResponseTypes: [],
      onFailureDestination: null,
    };
    expect(model).toEqual({
      directory: lastFixtureDir(),
      stacks: [
        stack({
          tables: [
            {
              logicalId: 'Users',
              tableName: 'Users',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Users',
              streamArn: usersStream,
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
              attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
              gsis: [],
              lsis: [],
              ttlAttribute: 'expiresAt',
              streamViewType: 'OLD_IMAGE',
              billingMode: 'PAY_PER_REQUEST',
            },
          ],
          functions: [
            {
              logicalId: 'Cleanup',
              functionName: 'outpost-cleanup',
              functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:outpost-cleanup',
              handler: 'index.handler',
              runtime: 'nodejs22.x',
              timeoutSeconds: 30,
              memorySizeMb: 512,
              environment: {
                USERS_TABLE: 'Users',
                USERS_STREAM: usersStream,
                SEARCH_ENDPOINT: 'http://localhost:9200',
                POOL_REGION: 'us-east-1',
              },
              code: { kind: 'asset', asset: { assetHash: cleanupCode.hash, path: join(lastFixtureDir(), assetFileName(cleanupCode)), packaging: 'zip' } },
              architectures: ['arm64'],
              layers: [],
            },
          ],
          eventSourceMappings: [
            {
              ...mappingDefaults,
              logicalId: 'CleanupOnTtl',
              functionName: 'outpost-cleanup',
              functionLogicalId: 'Cleanup',
              eventSourceArn: usersStream,
              tableLogicalId: 'Users',
              filters: [{ pattern: { eventName: ['REMOVE'], userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } } }],
              batchSize: 25,
              startingPosition: 'LATEST',
              maximumRetryAttempts: 3,
              bisectBatchOnFunctionError: true,
              functionResponseTypes: ['ReportBatchItemFailures'],
              onFailureDestination: 'arn:aws:sqs:us-east-1:000000000000:FailedCleanups',
            },
            {
              ...mappingDefaults,
              logicalId: 'CleanupDefaults',
              functionName: 'arn:aws:lambda:us-east-1:000000000000:function:outpost-cleanup',
              functionLogicalId: 'Cleanup',
              eventSourceArn: usersStream,
              tableLogicalId: 'Users',
              startingPosition: 'TRIM_HORIZON',
            },
          ],
          searchDomains: [
            { logicalId: 'Search', kind: 'serverless-collection', name: 'notes', arn: 'arn:aws:aoss:us-east-1:000000000000:collection/search', engineVersion: null },
          ],
        }),
      ],
      // The dead-letter queue is skipped quietly: a poller that gives up names it in its log line.
      warnings: [],
    });
  });

  it('does not run what it cannot run faithfully, and says why', () => {
    const model = readFixture({
      Resources: {
        Users: usersTable,
        Jobs: { Type: 'AWS::SQS::Queue', Properties: {} },
        Imaged: { Type: 'AWS::Lambda::Function', Properties: { PackageType: 'Image', Code: { ImageUri: '123.dkr.ecr.us-east-1.amazonaws.com/fn:latest' } } },
        Zipped: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Handler: 'index.handler',
            Runtime: 'nodejs22.x',
            Code: { S3Bucket: 'elsewhere', S3Key: 'code.zip' },
            Environment: { Variables: { SHARED: { 'Fn::ImportValue': 'SharedTableName' } } },
          },
        },
        FromQueue: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { FunctionName: { Ref: 'Zipped' }, EventSourceArn: { 'Fn::GetAtt': ['Jobs', 'Arn'] } } },
        BadFilter: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: {
            FunctionName: { Ref: 'Zipped' },
            EventSourceArn: { 'Fn::GetAtt': ['Users', 'StreamArn'] },
            StartingPosition: 'LATEST',
            FilterCriteria: { Filters: [{ Pattern: 'eventName = REMOVE' }] },
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
              logicalId: 'Users',
              tableName: 'Users',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Users',
              streamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Users/stream/1970-01-01T00:00:00.000',
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
              attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
              gsis: [],
              lsis: [],
              ttlAttribute: 'expiresAt',
              streamViewType: 'OLD_IMAGE',
              billingMode: 'PAY_PER_REQUEST',
            },
          ],
          functions: [
            {
              logicalId: 'Imaged',
              functionName: 'Imaged',
              functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:Imaged',
              handler: null,
              runtime: null,
              timeoutSeconds: 3,
              memorySizeMb: 128,
              environment: {},
              code: null,
              architectures: ['x86_64'],
              layers: [],
            },
            {
              logicalId: 'Zipped',
              functionName: 'Zipped',
              functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:Zipped',
              handler: 'index.handler',
              runtime: 'nodejs22.x',
              timeoutSeconds: 3,
              memorySizeMb: 128,
              environment: { SHARED: '<<unresolved Fn::ImportValue>>' },
              code: null,
              architectures: ['x86_64'],
              layers: [],
            },
          ],
        }),
      ],
      warnings: [
        {
          code: 'UnknownIntrinsic',
          message:
            'Unknown intrinsic Fn::ImportValue at Resources.Zipped.Properties.Environment.Variables.SHARED: Outpost Local cannot resolve it; used the placeholder <<unresolved Fn::ImportValue>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnsupportedLambdaCode',
          message: 'Lambda function Imaged (Imaged) has a container image; Outpost Local runs zip and inline code only, so it is not started.',
          stackName: 'Outpost',
        },
        {
          code: 'AssetNotFound',
          message: 'Resources.Zipped.Properties.Code names s3://elsewhere/code.zip, which matches no file asset in the cloud assembly; the code of Lambda function Zipped (Zipped) is left out.',
          stackName: 'Outpost',
        },
        {
          code: 'UnsupportedEventSource',
          message: 'Event source mapping FromQueue reads arn:aws:sqs:us-east-1:000000000000:Jobs; Outpost Local polls DynamoDB streams only, so it is not run.',
          stackName: 'Outpost',
        },
        {
          code: 'InvalidPropertyValue',
          message: 'Resources.BadFilter.Properties.FilterCriteria.Filters.0.Pattern is not a JSON object; event source mapping BadFilter is not run.',
          stackName: 'Outpost',
        },
      ],
    });
  });

  it('follows a mapping on a function alias or version back to the function', () => {
    const model = readFixture({
      Resources: {
        Users: usersTable,
        Indexer: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Code: { ZipFile: 'exports.handler = async () => {};' } } },
        IndexerVersion: { Type: 'AWS::Lambda::Version', Properties: { FunctionName: { Ref: 'Indexer' } } },
        IndexerLive: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Indexer' }, FunctionVersion: { 'Fn::GetAtt': ['IndexerVersion', 'Version'] }, Name: 'live' } },
        OnAlias: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: { Ref: 'IndexerLive' }, EventSourceArn: { 'Fn::GetAtt': ['Users', 'StreamArn'] }, StartingPosition: 'TRIM_HORIZON' },
        },
        OnVersion: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: { Ref: 'IndexerVersion' }, EventSourceArn: { 'Fn::GetAtt': ['Users', 'StreamArn'] }, StartingPosition: 'TRIM_HORIZON' },
        },
      },
    });
    const usersStream = 'arn:aws:dynamodb:us-east-1:000000000000:table/Users/stream/1970-01-01T00:00:00.000';
    const mapping = (logicalId: string, functionName: string): unknown => ({
      logicalId,
      functionName,
      functionLogicalId: 'Indexer',
      eventSourceArn: usersStream,
      tableLogicalId: 'Users',
      enabled: true,
      filters: [],
      batchSize: 100,
      startingPosition: 'TRIM_HORIZON',
      maximumBatchingWindowInSeconds: 0,
      maximumRetryAttempts: -1,
      maximumRecordAgeInSeconds: -1,
      bisectBatchOnFunctionError: false,
      parallelizationFactor: 1,
      functionResponseTypes: [],
      onFailureDestination: null,
    });
    expect(model).toEqual({
      directory: lastFixtureDir(),
      stacks: [
        stack({
          tables: [
            {
              logicalId: 'Users',
              tableName: 'Users',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Users',
              streamArn: usersStream,
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
              attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
              gsis: [],
              lsis: [],
              ttlAttribute: 'expiresAt',
              streamViewType: 'OLD_IMAGE',
              billingMode: 'PAY_PER_REQUEST',
            },
          ],
          functions: [
            {
              logicalId: 'Indexer',
              functionName: 'Indexer',
              functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:Indexer',
              handler: 'index.handler',
              runtime: 'nodejs22.x',
              timeoutSeconds: 3,
              memorySizeMb: 128,
              environment: {},
              code: { kind: 'inline', zipFile: 'exports.handler = async () => {};' },
              architectures: ['x86_64'],
              layers: [],
            },
          ],
          eventSourceMappings: [
            mapping('OnAlias', 'arn:aws:lambda:us-east-1:000000000000:function:Indexer:live'),
            mapping('OnVersion', 'arn:aws:lambda:us-east-1:000000000000:function:Indexer:1'),
          ],
        }),
      ],
      warnings: [],
    });
  });
});
