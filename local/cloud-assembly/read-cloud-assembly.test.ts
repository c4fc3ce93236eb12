import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastFixtureDir, readFixture, removeFixtures, stack } from './__fixtures__/read-fixture';
import { writeAssembly } from './__fixtures__/write-assembly';
import { CloudAssemblyReadError } from './errors';
import { readCloudAssembly } from './read-cloud-assembly';

const scratch: string[] = [];
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-assembly-'));
  scratch.push(dir);
  return dir;
}

afterAll(() => {
  removeFixtures();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function readError(dir: string): { name: string; message: string; hasCause: boolean } {
  try {
    readCloudAssembly(dir);
  } catch (error) {
    if (!(error instanceof CloudAssemblyReadError)) throw error;
    return { name: error.name, message: error.message.replace(dir, '<dir>'), hasCause: error.cause !== undefined };
  }
  throw new Error('readCloudAssembly did not throw');
}

describe('readCloudAssembly', () => {
  it('fails with CloudAssemblyReadError when there is no assembly to read', () => {
    const dir = scratchDir();
    expect(readError(dir)).toEqual({
      name: 'CloudAssemblyReadError',
      message: 'Cannot read the cloud assembly manifest at <dir>/manifest.json; run `npm run synth` first.',
      hasCause: true,
    });
  });

  it('fails when the manifest is not JSON or lists no stack', () => {
    const broken = scratchDir();
    writeFileSync(join(broken, 'manifest.json'), '{"version":');
    const empty = scratchDir();
    writeFileSync(join(empty, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts: { Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } } } }));
    expect([readError(broken), readError(empty)]).toEqual([
      { name: 'CloudAssemblyReadError', message: 'The cloud assembly manifest at <dir>/manifest.json is not valid JSON.', hasCause: true },
      {
        name: 'CloudAssemblyReadError',
        message: 'The cloud assembly at <dir> has no CloudFormation stack; check that the CDK app adds one.',
        hasCause: false,
      },
    ]);
  });

  it('warns once per unsupported type, skips types with no local meaning and deploy-time providers, and honours Conditions', () => {
    const model = readFixture({
      Parameters: { Stage: { Type: 'String', Default: 'dev' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: {} },
        Policy: { Type: 'AWS::IAM::Policy', Properties: {} },
        Logs: { Type: 'AWS::Logs::LogGroup', Properties: {} },
        Retention: { Type: 'Custom::LogRetention', Properties: { ServiceToken: { 'Fn::GetAtt': ['RetentionProvider', 'Arn'] } } },
        RetentionProvider: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Code: { ZipFile: 'exports.handler = async () => {};' } } },
        Seed: { Type: 'Custom::SeedData', Properties: { ServiceToken: { 'Fn::GetAtt': ['SeedProvider', 'Arn'] } } },
        SeedProvider: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Code: { ZipFile: 'exports.handler = async () => {};' } } },
        Metadata: { Type: 'AWS::CDK::Metadata', Properties: {} },
        Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: {} },
        TopicA: { Type: 'AWS::SNS::Topic', Properties: {} },
        TopicB: { Type: 'AWS::SNS::Topic', Properties: {} },
        Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
        ProdAlarmTopic: { Type: 'AWS::SNS::Topic', Condition: 'IsProd', Properties: {} },
        ProdTable: {
          Type: 'AWS::DynamoDB::Table',
          Condition: 'IsProd',
          Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] },
        },
      },
    });
    expect(model).toEqual({
      directory: lastFixtureDir(),
      stacks: [stack({})],
      warnings: [
        {
          code: 'UnsupportedResourceType',
          message: 'Unsupported resource type Custom::SeedData (Seed): its provider runs at deploy time only; these resources are not run.',
          stackName: 'Outpost',
        },
        {
          code: 'UnsupportedResourceType',
          message: 'Unsupported resource type AWS::SNS::Topic (TopicA, TopicB): Outpost Local does not emulate it; these resources are not run.',
          stackName: 'Outpost',
        },
        {
          code: 'UnsupportedResourceType',
          message: 'Unsupported resource type AWS::S3::Bucket (Bucket): Outpost Local does not emulate it; these resources are not run.',
          stackName: 'Outpost',
        },
      ],
    });
  });

  it('reads every stack, including those of nested assemblies (CDK stages)', () => {
    const root = scratchDir();
    const table = (name: string): unknown => ({
      Resources: {
        [name]: {
          Type: 'AWS::DynamoDB::Table',
          Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] },
        },
      },
    });
    const dev = writeAssembly('DevStack', table('DevTable'));
    scratch.push(dev);
    mkdirSync(join(root, 'assembly-Dev'));
    for (const file of ['manifest.json', 'DevStack.template.json', 'DevStack.assets.json']) {
      copyFileSync(join(dev, file), join(root, 'assembly-Dev', file));
    }
    writeFileSync(join(root, 'Root.template.json'), JSON.stringify(table('RootTable')));
    writeFileSync(
      join(root, 'manifest.json'),
      JSON.stringify({
        version: '55.0.0',
        artifacts: {
          Root: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Root.template.json', stackName: 'outpost-root' } },
          'assembly-Dev': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Dev', displayName: 'Dev' } },
        },
      }),
    );
    const tableModel = (logicalId: string): unknown => ({
      logicalId,
      tableName: logicalId,
      tableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${logicalId}`,
      streamArn: null,
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      gsis: [],
      lsis: [],
      ttlAttribute: null,
      streamViewType: null,
      billingMode: 'PROVISIONED',
    });
    expect(readCloudAssembly(root)).toEqual({
      directory: root,
      stacks: [
        { ...stack({ tables: [tableModel('RootTable')] }), stackName: 'outpost-root' },
        { ...stack({ tables: [tableModel('DevTable')] }), stackName: 'DevStack' },
      ],
      warnings: [],
    });
  });
});
