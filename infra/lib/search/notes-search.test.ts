import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { OutpostTables } from '../data/tables';
import { NotesSearch, NotesSearchConfigError } from './notes-search';

// The construct on its own beside the tables it uses, once with the domain and once without it.
function synth(domainEnabled: boolean) {
  const app = new App();
  const stack = new Stack(app, 'Outpost-dev');
  const tables = new OutpostTables(stack, 'Tables', { removalPolicy: RemovalPolicy.DESTROY });
  new NotesSearch(stack, 'Search', { memberships: tables.tables.Memberships, notes: tables.tables.Notes, domainEnabled, removalPolicy: RemovalPolicy.DESTROY });
  return { stack, template: Template.fromStack(stack) };
}
const { stack, template } = synth(true);

const DEV_POLICIES = { UpdateReplacePolicy: 'Delete', DeletionPolicy: 'Delete' };
const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const domainArn = (suffix: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':es:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:domain/outpost-dev-notes${suffix}`]],
});
const DOMAIN = 'SearchDomain62FD613E';
const QUEUE = 'SearchIndexerDeadLetters113185DA';
const SEARCH_ROLE = 'SearchSearchNotesRole93110974';
const INDEXER_ROLE = 'SearchIndexerRole54B1C8EB';
const LOGS_AND_TRACES = (logGroup: string) => [
  { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: arn(logGroup) },
  { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
];
const MEMBERSHIPS_BY_USER = { Action: 'dynamodb:Query', Effect: 'Allow', Resource: { 'Fn::Join': ['', [arn('TablesMemberships0376FD2C'), '/index/byUser']] } };

function lambda(description: string, logGroup: string, role: string, variables: object, timeout: number, dependsOn: string[]) {
  return {
    Type: 'AWS::Lambda::Function',
    Properties: {
      Architectures: ['arm64'],
      Code: expect.objectContaining({ S3Key: expect.stringMatching(/\.zip$/) }),
      Description: description,
      Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps', ...variables } },
      Handler: 'index.handler',
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logGroup } },
      MemorySize: 256,
      Role: arn(role),
      Runtime: 'nodejs24.x',
      Timeout: timeout,
      TracingConfig: { Mode: 'Active' },
    },
    DependsOn: dependsOn,
  };
}

describe('NotesSearch', () => {
  it('passes every cdk-nag AWS Solutions check, acknowledging exactly these findings', () => {
    expect(new AwsSolutionsChecks().validateScope(stack)).toEqual({ success: true, violations: [] });
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => [c.node.path, Object.keys(m.data as object)]));
    expect(acknowledged).toEqual([
      ['Outpost-dev/Search/SearchNotes/Role', ['Annotation::AwsSolutions-IAM5[Resource::*]']],
      ['Outpost-dev/Search/Indexer/Role', ['Annotation::AwsSolutions-IAM5[Resource::*]']],
      ['Outpost-dev/Search/Indexer/Role', ['Annotation::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:es:<AWS::Region>:<AWS::AccountId>:domain/outpost-dev-notes/notes/*]']],
      ['Outpost-dev/Search/Domain', ['Annotation::AwsSolutions-OS1']],
      ['Outpost-dev/Search/Domain', ['Annotation::AwsSolutions-OS3']],
      ['Outpost-dev/Search/Domain', ['Annotation::AwsSolutions-OS4']],
      ['Outpost-dev/Search/Domain', ['Annotation::AwsSolutions-OS7']],
      ['Outpost-dev/Search/Domain', ['Annotation::AwsSolutions-OS9[LogExport::SEARCH_SLOW_LOGS]']],
      ['Outpost-dev/Search/Domain', ['Annotation::AwsSolutions-OS9[LogExport::INDEX_SLOW_LOGS]']],
      ['Outpost-dev/Search/IndexerDeadLetters', ['Annotation::AwsSolutions-SQS3']],
    ]);
  });

  it('creates a dev-sized domain: one t3.small.search node, 10 GB gp3, encrypted, HTTPS with TLS 1.2, open to the two function roles only', () => {
    expect(template.findResources('AWS::OpenSearchService::Domain')).toEqual({
      [DOMAIN]: {
        Type: 'AWS::OpenSearchService::Domain',
        Properties: {
          AccessPolicies: {
            Version: '2012-10-17',
            Statement: [{ Action: 'es:ESHttp*', Effect: 'Allow', Principal: { AWS: [arn(SEARCH_ROLE), arn(INDEXER_ROLE)] }, Resource: domainArn('/*') }],
          },
          ClusterConfig: {
            DedicatedMasterEnabled: false,
            InstanceCount: 1,
            InstanceType: 't3.small.search',
            MultiAZWithStandbyEnabled: false,
            ZoneAwarenessEnabled: false,
          },
          DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
          DomainName: 'outpost-dev-notes',
          EBSOptions: { EBSEnabled: true, VolumeSize: 10, VolumeType: 'gp3' },
          EncryptionAtRestOptions: { Enabled: true },
          EngineVersion: 'OpenSearch_2.19',
          LogPublishingOptions: {},
          NodeToNodeEncryptionOptions: { Enabled: true },
        },
        ...DEV_POLICIES,
      },
    });
  });

  it('runs the two bundles, each with the endpoint and what else it reads', () => {
    const endpoint = { 'Fn::GetAtt': [DOMAIN, 'DomainEndpoint'] };
    expect(template.findResources('AWS::Lambda::Function')).toEqual({
      SearchSearchNotesFunction2D9C3298: lambda(
        "Full-text search over the notes of the caller's spaces.",
        'SearchSearchNotesLogs997638C2',
        SEARCH_ROLE,
        { MEMBERSHIPS_TABLE: { Ref: 'TablesMemberships0376FD2C' }, SEARCH_ENDPOINT: endpoint },
        10,
        ['SearchSearchNotesRoleDefaultPolicy424661E3', SEARCH_ROLE],
      ),
      SearchIndexerFunction16EDEB5F: lambda(
        'Keeps the notes search index in step with the Notes table stream.',
        'SearchIndexerLogs24FFA126',
        INDEXER_ROLE,
        { SEARCH_ENDPOINT: endpoint },
        60,
        ['SearchIndexerRoleDefaultPolicy173C8FAF', INDEXER_ROLE],
      ),
    });
  });

  it('grants each function exactly what it does: the byUser index and _search; the notes index, the stream and the DLQ', () => {
    expect(template.findResources('AWS::IAM::Policy')).toEqual({
      SearchSearchNotesRoleDefaultPolicy424661E3: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: {
            Statement: [
              ...LOGS_AND_TRACES('SearchSearchNotesLogs997638C2'),
              MEMBERSHIPS_BY_USER,
              { Action: ['es:ESHttpGet', 'es:ESHttpPost'], Effect: 'Allow', Resource: domainArn('/notes/_search') },
            ],
            Version: '2012-10-17',
          },
          PolicyName: 'SearchSearchNotesRoleDefaultPolicy424661E3',
          Roles: [{ Ref: SEARCH_ROLE }],
        },
      },
      SearchIndexerRoleDefaultPolicy173C8FAF: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: {
            Statement: [
              ...LOGS_AND_TRACES('SearchIndexerLogs24FFA126'),
              { Action: ['es:ESHttpHead', 'es:ESHttpPut', 'es:ESHttpPost', 'es:ESHttpDelete'], Effect: 'Allow', Resource: [domainArn('/notes'), domainArn('/notes/*')] },
              { Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], Effect: 'Allow', Resource: arn(QUEUE) },
              // What Lambda's poller needs to read a DynamoDB stream.
              { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
              {
                Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
                Effect: 'Allow',
                Resource: { 'Fn::GetAtt': ['TablesNotes84E9A21A', 'StreamArn'] },
              },
            ],
            Version: '2012-10-17',
          },
          PolicyName: 'SearchIndexerRoleDefaultPolicy173C8FAF',
          Roles: [{ Ref: INDEXER_ROLE }],
        },
      },
    });
  });

  it('feeds the indexer from the Notes stream, skipping the TTL removal of tombstones, with partial failures and a DLQ', () => {
    expect(template.findResources('AWS::Lambda::EventSourceMapping')).toEqual({
      SearchIndexerFunctionDynamoDBEventSourceOutpostdevTablesNotesCE576B0D1115FF63: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          BatchSize: 100,
          BisectBatchOnFunctionError: false,
          DestinationConfig: { OnFailure: { Destination: arn(QUEUE) } },
          EventSourceArn: { 'Fn::GetAtt': ['TablesNotes84E9A21A', 'StreamArn'] },
          // Filters are ORed, and `exists: false` matches a record without the attribute:
          // https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
          FilterCriteria: {
            Filters: [
              { Pattern: JSON.stringify({ eventName: ['INSERT', 'MODIFY'] }) },
              { Pattern: JSON.stringify({ eventName: ['REMOVE'], dynamodb: { OldImage: { _deleted: { BOOL: [{ exists: false }] } } } }) },
            ],
          },
          FunctionName: { Ref: 'SearchIndexerFunction16EDEB5F' },
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          MaximumRetryAttempts: 5,
          StartingPosition: 'TRIM_HORIZON',
        },
      },
    });
  });

  it('keeps failed records 14 days in an encrypted, TLS-only queue, with an alarm as soon as one arrives', () => {
    expect(template.findResources('AWS::SQS::Queue')).toEqual({
      [QUEUE]: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true }, ...DEV_POLICIES },
    });
    expect(template.findResources('AWS::CloudWatch::Alarm')).toEqual({
      SearchIndexerDeadLettersAlarm49843456: {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          AlarmDescription: 'Notes-indexer records failed on every retry and wait in the dead-letter queue: search misses some note changes.',
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [QUEUE, 'QueueName'] } }],
          EvaluationPeriods: 1,
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Namespace: 'AWS/SQS',
          Period: 300,
          Statistic: 'Maximum',
          Threshold: 1,
          TreatMissingData: 'notBreaching',
        },
      },
    });
  });

  it('without the domain keeps only the search function, which then has no endpoint (SearchNotEnabled)', () => {
    const off = synth(false).template;
    expect(Object.keys(off.toJSON().Resources).filter((id) => id.startsWith('Search'))).toEqual([
      'SearchSearchNotesLogs997638C2',
      'SearchSearchNotesRole93110974',
      'SearchSearchNotesRoleDefaultPolicy424661E3',
      'SearchSearchNotesFunction2D9C3298',
    ]);
    expect(off.findResources('AWS::Lambda::Function')).toEqual({
      SearchSearchNotesFunction2D9C3298: lambda(
        "Full-text search over the notes of the caller's spaces.",
        'SearchSearchNotesLogs997638C2',
        SEARCH_ROLE,
        { MEMBERSHIPS_TABLE: { Ref: 'TablesMemberships0376FD2C' } },
        10,
        ['SearchSearchNotesRoleDefaultPolicy424661E3', SEARCH_ROLE],
      ),
    });
    expect(off.findResources('AWS::IAM::Policy')).toEqual({
      SearchSearchNotesRoleDefaultPolicy424661E3: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: { Statement: [...LOGS_AND_TRACES('SearchSearchNotesLogs997638C2'), MEMBERSHIPS_BY_USER], Version: '2012-10-17' },
          PolicyName: 'SearchSearchNotesRoleDefaultPolicy424661E3',
          Roles: [{ Ref: SEARCH_ROLE }],
        },
      },
    });
  });

  it('rejects a domain name OpenSearch would refuse, saying what it expects', () => {
    const scratch = new Stack(new App(), 'Scratch');
    const tables = new OutpostTables(scratch, 'Tables');
    expect(() => new NotesSearch(scratch, 'Search', { memberships: tables.tables.Memberships, notes: tables.tables.Notes, domainName: 'Notes_Search' })).toThrow(
      new NotesSearchConfigError('Invalid search domain name "Notes_Search": expected 3 to 28 lower-case letters, digits or hyphens, starting with a letter.'),
    );
  });
});
