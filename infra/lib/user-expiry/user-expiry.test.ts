import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { OutpostAuth } from '../auth/user-pool';
import { OutpostTables } from '../data/tables';
import { UserExpiry, UserExpiryConfigError } from './user-expiry';

// The construct on its own, beside the tables and pool it uses: one bundle, one synth.
const app = new App();
const stack = new Stack(app, 'Expiry');
const tables = new OutpostTables(stack, 'Tables', { removalPolicy: RemovalPolicy.DESTROY });
const auth = new OutpostAuth(stack, 'Auth', { removalPolicy: RemovalPolicy.DESTROY });
new UserExpiry(stack, 'UserExpiry', { tables: tables.tables, deltaSyncTables: tables.deltaSyncTables, userPool: auth.userPool, removalPolicy: RemovalPolicy.DESTROY });
const template = Template.fromStack(stack);

const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const index = (id: string, name: string) => ({ 'Fn::Join': ['', [arn(id), `/index/${name}`]] });
const FUNCTION = 'UserExpiryCleanupFunction495C5269';
const QUEUE = 'UserExpiryDeadLetters6F9001E3';
const ROLE = 'UserExpiryCleanupRoleF2576AE1';

function ofConstruct(type: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(template.findResources(type)).filter(([id]) => id.startsWith('UserExpiry')));
}

describe('UserExpiry', () => {
  it('passes every cdk-nag AWS Solutions check', () => {
    expect(new AwsSolutionsChecks().validateScope(stack)).toEqual({ success: true, violations: [] });
  });

  it('triggers the function on the Users stream for TTL deletions only, with bounded retries, bisection, partial failures and a DLQ', () => {
    expect(template.findResources('AWS::Lambda::EventSourceMapping')).toEqual({
      UserExpiryCleanupFunctionDynamoDBEventSourceExpiryTablesUsers0FB249790390F044: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          BatchSize: 10,
          BisectBatchOnFunctionError: true,
          DestinationConfig: { OnFailure: { Destination: arn(QUEUE) } },
          EventSourceArn: { 'Fn::GetAtt': ['TablesUsersBA34CAA2', 'StreamArn'] },
          // TTL deletions are REMOVE records whose userIdentity is the DynamoDB service:
          // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-streams.html
          // and Lambda filters stream records on those fields:
          // https://docs.aws.amazon.com/lambda/latest/dg/with-ddb-filtering.html
          FilterCriteria: {
            Filters: [{ Pattern: JSON.stringify({ eventName: ['REMOVE'], userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] } }) }],
          },
          FunctionName: { Ref: FUNCTION },
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          MaximumRetryAttempts: 5,
          StartingPosition: 'TRIM_HORIZON',
        },
      },
    });
  });

  it('runs the user-expiry bundle with the table names, the delta sync TTL and the pool id', () => {
    expect(ofConstruct('AWS::Lambda::Function')).toEqual({
      [FUNCTION]: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Architectures: ['arm64'],
          Code: { S3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' }, S3Key: expect.stringMatching(/^[0-9a-f]{64}\.zip$/) },
          Description: "Removes an expired user's data when DynamoDB TTL deletes their Users row.",
          Environment: {
            Variables: {
              NODE_OPTIONS: '--enable-source-maps',
              HANDLES_TABLE: { Ref: 'TablesHandlesF4A788EC' },
              DEVICES_TABLE: { Ref: 'TablesDevices704C53B1' },
              MEMBERSHIPS_TABLE: { Ref: 'TablesMemberships0376FD2C' },
              SPACES_TABLE: { Ref: 'TablesSpaces6F1B95B0' },
              NOTES_TABLE: { Ref: 'TablesNotes84E9A21A' },
              COMMENTS_TABLE: { Ref: 'TablesComments04534680' },
              NOTES_DELTA_SYNC_TABLE: { Ref: 'TablesNotesDeltaSync4E273A83' },
              NOTES_DELTA_SYNC_TTL_MINUTES: '30',
              USER_POOL_ID: { Ref: 'AuthUserPool8115E87F' },
            },
          },
          Handler: 'index.handler',
          LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: 'UserExpiryCleanupLogs70B1AEEE' } },
          MemorySize: 256,
          Role: arn(ROLE),
          Runtime: 'nodejs24.x',
          Timeout: 300,
          TracingConfig: { Mode: 'Active' },
        },
        DependsOn: ['UserExpiryCleanupRoleDefaultPolicy39AF8F95', ROLE],
      },
    });
  });

  it('grants exactly the actions each cleanup step needs, on the tables and indexes it uses', () => {
    expect(ofConstruct('AWS::IAM::Policy')).toEqual({
      UserExpiryCleanupRoleDefaultPolicy39AF8F95: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: {
            Statement: [
              { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: arn('UserExpiryCleanupLogs70B1AEEE') },
              { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
              { Action: 'dynamodb:DeleteItem', Effect: 'Allow', Resource: arn('TablesHandlesF4A788EC') },
              { Action: ['dynamodb:Query', 'dynamodb:DeleteItem'], Effect: 'Allow', Resource: arn('TablesDevices704C53B1') },
              { Action: 'dynamodb:Query', Effect: 'Allow', Resource: [arn('TablesMemberships0376FD2C'), index('TablesMemberships0376FD2C', 'byUser')] },
              { Action: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'], Effect: 'Allow', Resource: arn('TablesMemberships0376FD2C') },
              { Action: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'], Effect: 'Allow', Resource: arn('TablesSpaces6F1B95B0') },
              { Action: 'dynamodb:Query', Effect: 'Allow', Resource: [index('TablesNotes84E9A21A', 'bySpace'), index('TablesNotes84E9A21A', 'byAuthor')] },
              { Action: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:UpdateItem'], Effect: 'Allow', Resource: arn('TablesNotes84E9A21A') },
              { Action: 'dynamodb:Query', Effect: 'Allow', Resource: [arn('TablesComments04534680'), index('TablesComments04534680', 'byAuthor')] },
              { Action: ['dynamodb:DeleteItem', 'dynamodb:UpdateItem'], Effect: 'Allow', Resource: arn('TablesComments04534680') },
              { Action: 'dynamodb:PutItem', Effect: 'Allow', Resource: arn('TablesNotesDeltaSync4E273A83') },
              { Action: 'cognito-idp:AdminDeleteUser', Effect: 'Allow', Resource: arn('AuthUserPool8115E87F') },
              // What the event source mapping itself needs: the DLQ, and reading the Users stream.
              { Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], Effect: 'Allow', Resource: arn(QUEUE) },
              { Action: 'dynamodb:ListStreams', Effect: 'Allow', Resource: '*' },
              {
                Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
                Effect: 'Allow',
                Resource: { 'Fn::GetAtt': ['TablesUsersBA34CAA2', 'StreamArn'] },
              },
            ],
            Version: '2012-10-17',
          },
          PolicyName: 'UserExpiryCleanupRoleDefaultPolicy39AF8F95',
          Roles: [{ Ref: ROLE }],
        },
      },
    });
  });

  it('keeps failed records in an encrypted queue that refuses plain HTTP, for 14 days', () => {
    expect(ofConstruct('AWS::SQS::Queue')).toEqual({
      [QUEUE]: {
        Type: 'AWS::SQS::Queue',
        Properties: { MessageRetentionPeriod: 1209600, SqsManagedSseEnabled: true },
        UpdateReplacePolicy: 'Delete',
        DeletionPolicy: 'Delete',
      },
    });
    expect(ofConstruct('AWS::SQS::QueuePolicy')).toEqual({
      UserExpiryDeadLettersPolicy1D63C1AE: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          PolicyDocument: {
            Statement: [{ Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Effect: 'Deny', Principal: { AWS: '*' }, Resource: arn(QUEUE) }],
            Version: '2012-10-17',
          },
          Queues: [{ Ref: QUEUE }],
        },
      },
    });
  });

  it('alarms when a record reaches the dead-letter queue and when an invocation fails', () => {
    const alarm = (description: string, metric: object) => ({
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: description,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
        Period: 300,
        Threshold: 1,
        TreatMissingData: 'notBreaching',
        ...metric,
      },
    });
    expect(ofConstruct('AWS::CloudWatch::Alarm')).toEqual({
      UserExpiryDeadLettersAlarmBCF66370: alarm('User-expiry records failed on every retry and wait in the dead-letter queue: some expired user still has data.', {
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [QUEUE, 'QueueName'] } }],
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
      }),
      UserExpiryErrorsAlarmB83DE114: alarm('The user-expiry function failed a whole invocation (its configuration, permissions or a timeout).', {
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: FUNCTION } }],
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
      }),
    });
  });

  it('acknowledges the wildcards of tracing and ListStreams, and that the queue is itself a dead-letter queue', () => {
    const acknowledged = stack.node
      .findAll()
      .filter((c) => c.node.path.startsWith('Expiry/UserExpiry'))
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => [c.node.path, m.data]));
    expect(acknowledged).toEqual([
      [
        'Expiry/UserExpiry/Cleanup/Role',
        {
          'Annotation::AwsSolutions-IAM5[Resource::*]':
            'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which take no resource ARN.',
        },
      ],
      [
        'Expiry/UserExpiry/Cleanup/Role',
        {
          'Annotation::AwsSolutions-IAM5[Resource::*]':
            'Reading the Users stream needs dynamodb:ListStreams, which takes no resource ARN; the stream reads themselves name the Users stream.',
        },
      ],
      [
        'Expiry/UserExpiry/DeadLetters',
        { 'Annotation::AwsSolutions-SQS3': 'This queue is itself the dead-letter queue: the on-failure destination of the user-expiry stream mapping.' },
      ],
    ]);
  });

  it('refuses a stack whose Notes table has no delta sync table, naming what it received', () => {
    const other = new Stack(new App(), 'Other');
    const otherTables = new OutpostTables(other, 'Tables');
    const otherAuth = new OutpostAuth(other, 'Auth');
    expect(() => new UserExpiry(other, 'UserExpiry', { tables: otherTables.tables, deltaSyncTables: {}, userPool: otherAuth.userPool })).toThrow(
      new UserExpiryConfigError(
        'The user-expiry cleanup logs anonymised notes for delta sync, so Notes must be versioned with a delta sync table (received delta sync tables for: none).',
      ),
    );
  });
});
