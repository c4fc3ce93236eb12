import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { resolveStageConfig } from '../config';
import { OutpostStack } from '../outpost-stack';

// The construct in the whole stack, so the Lambda data source and the Query.linkPreview pipeline
// are checked as deployed. One synth for the file.
const stack = new OutpostStack(new App(), 'Outpost-dev', { config: resolveStageConfig({ stage: 'dev' }) });
const template = Template.fromStack(stack);

const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const FUNCTION = 'LinkPreviewFunction322BB2E2';
const ROLE = 'LinkPreviewFunctionRole82A7C79A';
const POLICY = 'LinkPreviewFunctionRoleDefaultPolicyA8BE2275';
const LOGS = 'LinkPreviewFunctionLogs6A5C2DD9';

function ofConstruct(type: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(template.findResources(type)).filter(([id]) => id.startsWith('LinkPreview')));
}

describe('LinkPreview', () => {
  it('runs the link-preview bundle outside any VPC, with a timeout just above the 3 s fetch deadline and no test allowlist', () => {
    expect(ofConstruct('AWS::Lambda::Function')).toEqual({
      [FUNCTION]: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Architectures: ['arm64'],
          Code: { S3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' }, S3Key: expect.stringMatching(/^[0-9a-f]{64}\.zip$/) },
          Description: 'Fetches a public web page and returns its Open Graph preview; refuses internal addresses.',
          // Only the source-map flag: LINK_PREVIEW_TEST_ALLOWED_ORIGINS is never set outside handler tests.
          Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
          Handler: 'index.handler',
          LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: LOGS } },
          MemorySize: 256,
          Role: arn(ROLE),
          Runtime: 'nodejs24.x',
          Timeout: 5,
          TracingConfig: { Mode: 'Active' },
        },
        DependsOn: [POLICY, ROLE],
      },
    });
  });

  it('lets the function write its own logs and traces, and nothing else', () => {
    expect(ofConstruct('AWS::IAM::Policy')).toEqual({
      [POLICY]: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: {
            Statement: [
              { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: arn(LOGS) },
              { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
            ],
            Version: '2012-10-17',
          },
          PolicyName: POLICY,
          Roles: [{ Ref: ROLE }],
        },
      },
    });
  });

  it('keeps its logs for the stage’s retention', () => {
    expect(ofConstruct('AWS::Logs::LogGroup')).toEqual({
      [LOGS]: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 7 }, UpdateReplacePolicy: 'Delete', DeletionPolicy: 'Delete' },
    });
  });

  it('is the LinkPreviewFunction data source, whose role may invoke this function only', () => {
    const ofDataSource = (type: string) =>
      Object.fromEntries(Object.entries(template.findResources(type)).filter(([id]) => id.startsWith('GraphQLApiLinkPreviewFunction')));
    expect({ dataSource: ofDataSource('AWS::AppSync::DataSource'), policy: ofDataSource('AWS::IAM::Policy') }).toEqual({
      dataSource: {
        GraphQLApiLinkPreviewFunction3EE1DEBF: {
          Type: 'AWS::AppSync::DataSource',
          Properties: {
            ApiId: { 'Fn::GetAtt': ['GraphQLApi85666BA6', 'ApiId'] },
            Description: 'The LinkPreviewFunction Lambda function.',
            LambdaConfig: { LambdaFunctionArn: arn(FUNCTION) },
            Name: 'LinkPreviewFunction',
            ServiceRoleArn: arn('GraphQLApiLinkPreviewFunctionServiceRoleFED5F60C'),
            Type: 'AWS_LAMBDA',
          },
        },
      },
      policy: {
        GraphQLApiLinkPreviewFunctionServiceRoleDefaultPolicyB6E0A158: {
          Type: 'AWS::IAM::Policy',
          Properties: {
            PolicyDocument: {
              Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: [arn(FUNCTION), { 'Fn::Join': ['', [arn(FUNCTION), ':*']] }] }],
              Version: '2012-10-17',
            },
            PolicyName: 'GraphQLApiLinkPreviewFunctionServiceRoleDefaultPolicyB6E0A158',
            Roles: [{ Ref: 'GraphQLApiLinkPreviewFunctionServiceRoleFED5F60C' }],
          },
        },
      },
    });
  });

  it('resolves Query.linkPreview with the cache read, the fetch and the cache write, in that order', () => {
    const functions = Object.entries(template.findResources('AWS::AppSync::FunctionConfiguration'))
      .filter(([id]) => id.startsWith('GraphQLFunctionQuerylinkPreview'))
      .map(([id, resource]) => {
        const { Name, DataSourceName } = (resource as { Properties: { Name: string; DataSourceName: unknown } }).Properties;
        return { id, Name, DataSourceName };
      });
    const resolvers = Object.values(template.findResources('AWS::AppSync::Resolver', { Properties: { TypeName: 'Query', FieldName: 'linkPreview' } })).map(
      (resource) => {
        const { Kind, PipelineConfig } = (resource as { Properties: { Kind: string; PipelineConfig: unknown } }).Properties;
        return { Kind, PipelineConfig };
      },
    );
    const step = (id: string) => ({ 'Fn::GetAtt': [id, 'FunctionId'] });
    expect({ functions, resolvers }).toEqual({
      functions: [
        { id: 'GraphQLFunctionQuerylinkPreview1getCached2BF15F25', Name: 'Query_linkPreview_1_getCached', DataSourceName: 'LinkPreviews' },
        { id: 'GraphQLFunctionQuerylinkPreview2fetchPreviewDD6A1A4D', Name: 'Query_linkPreview_2_fetchPreview', DataSourceName: 'LinkPreviewFunction' },
        { id: 'GraphQLFunctionQuerylinkPreview3cachePreviewDEDB5A5F', Name: 'Query_linkPreview_3_cachePreview', DataSourceName: 'LinkPreviews' },
      ],
      resolvers: [
        {
          Kind: 'PIPELINE',
          PipelineConfig: {
            Functions: [
              step('GraphQLFunctionQuerylinkPreview1getCached2BF15F25'),
              step('GraphQLFunctionQuerylinkPreview2fetchPreviewDD6A1A4D'),
              step('GraphQLFunctionQuerylinkPreview3cachePreviewDEDB5A5F'),
            ],
          },
        },
      ],
    });
  });

  it('acknowledges only the function role’s tracing wildcard', () => {
    const acknowledged = stack.node
      .findAll()
      .filter((c) => c.node.path.startsWith('Outpost-dev/LinkPreview'))
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => [c.node.path, m.data]));
    expect(acknowledged).toEqual([
      [
        'Outpost-dev/LinkPreview/Function/Role',
        { 'Annotation::AwsSolutions-IAM5[Resource::*]': 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which take no resource ARN.' },
      ],
    ]);
  });
});
