import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { bundleResolver } from './appsync/bundle-resolver';
import { ResolverLayoutError, discoverResolvers } from './appsync/resolver-layout';
import { objectFields, parseSchema } from './appsync/schema-fields';
import { resolveStageConfig } from './config';
import { OutpostStack } from './outpost-stack';
import { RESOLVERS_DIR, SCHEMA_FILE } from './paths';

// One synth for the whole file: bundling every resolver makes synth the slow part.
const app = new App();
const stack = new OutpostStack(app, 'Outpost-dev', { config: resolveStageConfig({ stage: 'dev' }) });
const template = Template.fromStack(stack);

const API = 'GraphQLApi85666BA6';
const apiId = { 'Fn::GetAtt': [API, 'ApiId'] };
const SCHEMA = 'GraphQLApiSchema29F1A249';
const JS_RUNTIME = { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' };
const DEV_POLICIES = { UpdateReplacePolicy: 'Delete', DeletionPolicy: 'Delete' };

const S = (name: string) => ({ AttributeName: name, AttributeType: 'S' });
const hash = (name: string) => ({ AttributeName: name, KeyType: 'HASH' });
const range = (name: string) => ({ AttributeName: name, KeyType: 'RANGE' });
const PAY_PER_REQUEST_WITH_PITR = {
  BillingMode: 'PAY_PER_REQUEST',
  PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
};
const TTL = { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } };
const STREAM = { StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' } };
// What CDK's grantReadWriteData allows on a table (it adds stream reads for every table).
const READ_WRITE = [
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
];
const STREAMS = ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
const table = (properties: object) => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: { ...PAY_PER_REQUEST_WITH_PITR, ...properties },
  ...DEV_POLICIES,
});

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Every function's role (infra/lib/functions/outpost-function.ts) acknowledges X-Ray's wildcard. */
const XRAY_REASON = 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which take no resource ARN.';

/** A pipeline function of `Type.field` on the Users data source, as the template holds it. */
function usersPipelineFunction(typeName: string, fieldName: string, logicalId: string, file: string) {
  return {
    [logicalId]: {
      Type: 'AWS::AppSync::FunctionConfiguration',
      Properties: {
        ApiId: apiId,
        Code: bundleResolver(path.join(RESOLVERS_DIR, `${typeName}.${fieldName}`, `${file}.ts`)),
        DataSourceName: 'Users',
        FunctionVersion: '2018-05-29',
        Name: `${typeName}_${fieldName}_${file.replace('-', '_')}`,
        Runtime: JS_RUNTIME,
      },
      DependsOn: [SCHEMA, 'GraphQLApiUsers8F35ED06'],
    },
  };
}

describe('OutpostStack (dev)', () => {
  it('passes every cdk-nag AWS Solutions check', () => {
    expect(new AwsSolutionsChecks().validateScope(stack)).toEqual({ success: true, violations: [] });
  });

  it('acknowledges exactly these cdk-nag findings, each with its reason', () => {
    const acknowledged = stack.node
      .findAll()
      .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => [c.node.path, m.data]));
    expect(acknowledged).toEqual([
      [
        'Outpost-dev/Auth/UserPool',
        {
          'Annotation::AwsSolutions-COG2':
            'MFA is left to each app: requiring it at sign-up blocks the offline-first onboarding the mobile clients use, and cognito-local cannot emulate it.',
        },
      ],
      [
        'Outpost-dev/Auth/UserPool',
        {
          'Annotation::AwsSolutions-COG8':
            'Threat protection needs the Plus feature plan, an opt-in cost; the Essentials plan covers the email sign-in, groups and password policy used here, and cognito-local emulates no Plus feature.',
        },
      ],
      [
        'Outpost-dev/UserProfiles/Loader/Role',
        { 'Annotation::AwsSolutions-IAM5[Resource::*]': XRAY_REASON },
      ],
      [
        'Outpost-dev/LinkPreview/Function/Role',
        { 'Annotation::AwsSolutions-IAM5[Resource::*]': XRAY_REASON },
      ],
      ['Outpost-dev/Search/SearchNotes/Role', { 'Annotation::AwsSolutions-IAM5[Resource::*]': XRAY_REASON }],
      ['Outpost-dev/Search/Indexer/Role', { 'Annotation::AwsSolutions-IAM5[Resource::*]': XRAY_REASON }],
      [
        'Outpost-dev/Search/Indexer/Role',
        {
          'Annotation::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:es:<AWS::Region>:<AWS::AccountId>:domain/outpost-dev-notes/notes/*]':
            'The indexer writes documents of the notes index (<index>/_doc/<id>, <index>/_bulk): the wildcard never leaves that index.',
        },
      ],
      [
        'Outpost-dev/Search/Domain',
        {
          'Annotation::AwsSolutions-OS1':
            'No VPC: the functions would need one too, with NAT or VPC endpoints, a standing cost the dev domain does not justify; the access policy admits only the two function roles, and every request is SigV4-signed over TLS 1.2.',
        },
      ],
      [
        'Outpost-dev/Search/Domain',
        { 'Annotation::AwsSolutions-OS3': 'Access is by IAM identity (the two function roles), not by IP address: Lambda functions have no fixed source addresses to allow.' },
      ],
      [
        'Outpost-dev/Search/Domain',
        {
          'Annotation::AwsSolutions-OS4':
            'One data node for dev: dedicated master nodes would triple the cost of a domain that holds a rebuildable index (the Notes table is the source of truth).',
        },
      ],
      [
        'Outpost-dev/Search/Domain',
        { 'Annotation::AwsSolutions-OS7': 'One data node for dev, so there is no second zone to spread over; the index can be rebuilt from the Notes table.' },
      ],
      ...['SEARCH_SLOW_LOGS', 'INDEX_SLOW_LOGS'].map((logs) => [
        'Outpost-dev/Search/Domain',
        {
          [`Annotation::AwsSolutions-OS9[LogExport::${logs}]`]:
            'Slow logs need a CloudWatch Logs resource policy that the CDK writes through a custom resource (another Lambda function); the functions log their own search and indexing outcomes.',
        },
      ]),
      [
        'Outpost-dev/Search/IndexerDeadLetters',
        { 'Annotation::AwsSolutions-SQS3': 'This queue is itself the dead-letter queue: the on-failure destination of the notes indexer stream mapping.' },
      ],
      [
        'Outpost-dev/GraphQL/LoggingRole',
        {
          'Annotation::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs]':
            'AWSAppSyncPushToCloudWatchLogs is the policy AWS publishes for exactly this role; a hand-written policy could not name the log group, whose name holds the API id (a dependency cycle).',
        },
      ],
      [
        'Outpost-dev/GraphQL/Api/Spaces',
        {
          'Annotation::AwsSolutions-IAM5[Resource::<TablesMemberships0376FD2C.Arn>/index/*]':
            'Grants on the Memberships table cover its indexes (<table ARN>/index/*) so resolvers can Query its GSIs; the wildcard never leaves that table.',
        },
      ],
      [
        'Outpost-dev/GraphQL/Api/Memberships',
        {
          'Annotation::AwsSolutions-IAM5[Resource::<TablesMemberships0376FD2C.Arn>/index/*]':
            'Grants on the Memberships table cover its indexes (<table ARN>/index/*) so resolvers can Query its GSIs; the wildcard never leaves that table.',
        },
      ],
      [
        'Outpost-dev/GraphQL/Api/Notes',
        {
          'Annotation::AwsSolutions-IAM5[Resource::<TablesNotes84E9A21A.Arn>/index/*]':
            'Grants on the Notes table cover its indexes (<table ARN>/index/*) so resolvers can Query its GSIs; the wildcard never leaves that table.',
        },
      ],
      [
        'Outpost-dev/GraphQL/Api/Comments',
        {
          'Annotation::AwsSolutions-IAM5[Resource::<TablesComments04534680.Arn>/index/*]':
            'Grants on the Comments table cover its indexes (<table ARN>/index/*) so resolvers can Query its GSIs; the wildcard never leaves that table.',
        },
      ],
      [
        'Outpost-dev/GraphQL/Api/UserProfilesFunction',
        {
          'Annotation::AwsSolutions-IAM5[Resource::<UserProfilesLoaderFunctionC7C3EDE2.Arn>:*]':
            'AppSync may invoke the UserProfilesFunction function and its versions (<function ARN>:*); the wildcard never leaves that function.',
        },
      ],
      [
        'Outpost-dev/GraphQL/Api/SearchNotesFunction',
        {
          'Annotation::AwsSolutions-IAM5[Resource::<SearchSearchNotesFunction2D9C3298.Arn>:*]':
            'AppSync may invoke the SearchNotesFunction function and its versions (<function ARN>:*); the wildcard never leaves that function.',
        },
      ],
      [
        'Outpost-dev/GraphQL/Api/LinkPreviewFunction',
        {
          'Annotation::AwsSolutions-IAM5[Resource::<LinkPreviewFunction322BB2E2.Arn>:*]':
            'AppSync may invoke the LinkPreviewFunction function and its versions (<function ARN>:*); the wildcard never leaves that function.',
        },
      ],
      ['Outpost-dev/UserExpiry/Cleanup/Role', { 'Annotation::AwsSolutions-IAM5[Resource::*]': XRAY_REASON }],
      [
        'Outpost-dev/UserExpiry/Cleanup/Role',
        {
          'Annotation::AwsSolutions-IAM5[Resource::*]':
            'Reading the Users stream needs dynamodb:ListStreams, which takes no resource ARN; the stream reads themselves name the Users stream.',
        },
      ],
      [
        'Outpost-dev/UserExpiry/DeadLetters',
        { 'Annotation::AwsSolutions-SQS3': 'This queue is itself the dead-letter queue: the on-failure destination of the user-expiry stream mapping.' },
      ],
    ]);
  });

  it('creates one on-demand table per entity (and the notes delta sync table), with PITR, keys, GSIs, TTL and streams', () => {
    expect(template.findResources('AWS::DynamoDB::Table')).toEqual({
      TablesUsersBA34CAA2: table({ AttributeDefinitions: [S('id')], KeySchema: [hash('id')], ...STREAM, ...TTL }),
      TablesHandlesF4A788EC: table({ AttributeDefinitions: [S('handle')], KeySchema: [hash('handle')] }),
      TablesSpaces6F1B95B0: table({ AttributeDefinitions: [S('id')], KeySchema: [hash('id')] }),
      TablesMemberships0376FD2C: table({
        AttributeDefinitions: [S('spaceId'), S('userId')],
        KeySchema: [hash('spaceId'), range('userId')],
        GlobalSecondaryIndexes: [
          { IndexName: 'byUser', KeySchema: [hash('userId'), range('spaceId')], Projection: { ProjectionType: 'ALL' } },
        ],
      }),
      TablesNotes84E9A21A: table({
        AttributeDefinitions: [S('id'), S('spaceId'), S('updatedAt'), S('authorId')],
        KeySchema: [hash('id')],
        GlobalSecondaryIndexes: [
          { IndexName: 'bySpace', KeySchema: [hash('spaceId'), range('updatedAt')], Projection: { ProjectionType: 'ALL' } },
          // Sparse (only notes with an author): the expiry cleanup finds an expired user's notes.
          { IndexName: 'byAuthor', KeySchema: [hash('authorId')], Projection: { ProjectionType: 'ALL' } },
        ],
        ...STREAM,
        // Notes are versioned: AppSync's tombstones of deleted notes expire through _ttl.
        TimeToLiveSpecification: { AttributeName: '_ttl', Enabled: true },
      }),
      // The delta sync table AppSync requires beside a versioned table:
      // https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
      TablesNotesDeltaSync4E273A83: table({
        AttributeDefinitions: [S('ds_pk'), S('ds_sk')],
        KeySchema: [hash('ds_pk'), range('ds_sk')],
        TimeToLiveSpecification: { AttributeName: '_ttl', Enabled: true },
      }),
      TablesComments04534680: table({
        AttributeDefinitions: [S('noteId'), S('sk'), S('authorId')],
        KeySchema: [hash('noteId'), range('sk')],
        GlobalSecondaryIndexes: [{ IndexName: 'byAuthor', KeySchema: [hash('authorId')], Projection: { ProjectionType: 'ALL' } }],
      }),
      TablesDevices704C53B1: table({
        AttributeDefinitions: [S('userId'), S('deviceId')],
        KeySchema: [hash('userId'), range('deviceId')],
        ...TTL,
      }),
      TablesLinkPreviews932CC4D5: table({ AttributeDefinitions: [S('url')], KeySchema: [hash('url')], ...TTL }),
    });
  });

  it('creates a user pool with email sign-in, a strong password policy, the ADMINS group and a secretless client', () => {
    const pool = { Ref: 'AuthUserPool8115E87F' };
    const verification = 'The verification code to your new account is {####}';
    expect(template.findResources('AWS::Cognito::UserPool')).toEqual({
      AuthUserPool8115E87F: {
        Type: 'AWS::Cognito::UserPool',
        Properties: {
          AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
          AutoVerifiedAttributes: ['email'],
          EmailVerificationMessage: verification,
          EmailVerificationSubject: 'Verify your new account',
          MfaConfiguration: 'OFF',
          Policies: {
            PasswordPolicy: {
              MinimumLength: 8,
              RequireLowercase: true,
              RequireNumbers: true,
              RequireSymbols: true,
              RequireUppercase: true,
              TemporaryPasswordValidityDays: 3,
            },
          },
          Schema: [{ Mutable: true, Name: 'email', Required: true }],
          SmsVerificationMessage: verification,
          UserPoolTier: 'ESSENTIALS',
          UsernameAttributes: ['email'],
          VerificationMessageTemplate: {
            DefaultEmailOption: 'CONFIRM_WITH_CODE',
            EmailMessage: verification,
            EmailSubject: 'Verify your new account',
            SmsMessage: verification,
          },
        },
        ...DEV_POLICIES,
      },
    });
    expect(template.findResources('AWS::Cognito::UserPoolGroup')).toEqual({
      AuthUserPoolAdminsGroup89379A46: {
        Type: 'AWS::Cognito::UserPoolGroup',
        Properties: { Description: 'Operators allowed to call the admin-only operations.', GroupName: 'ADMINS', UserPoolId: pool },
      },
    });
    expect(template.findResources('AWS::Cognito::UserPoolClient')).toEqual({
      AuthUserPoolAppClient1D18298A: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: {
          AllowedOAuthFlowsUserPoolClient: false,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
          GenerateSecret: false,
          PreventUserExistenceErrors: 'ENABLED',
          SupportedIdentityProviders: ['COGNITO'],
          UserPoolId: pool,
        },
      },
    });
  });

  it('creates the API with Cognito by default plus IAM and API key, limits, introspection, field logs and X-Ray', () => {
    expect(template.findResources('AWS::AppSync::GraphQLApi')).toEqual({
      [API]: {
        Type: 'AWS::AppSync::GraphQLApi',
        Properties: {
          Name: 'Outpost-dev',
          AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
          UserPoolConfig: { AwsRegion: { Ref: 'AWS::Region' }, DefaultAction: 'ALLOW', UserPoolId: { Ref: 'AuthUserPool8115E87F' } },
          // The schema uses @aws_api_key (e.g. linkPreview), so the API key mode is on.
          AdditionalAuthenticationProviders: [{ AuthenticationType: 'AWS_IAM' }, { AuthenticationType: 'API_KEY' }],
          EnvironmentVariables: {
            USERS_TABLE: { Ref: 'TablesUsersBA34CAA2' },
            HANDLES_TABLE: { Ref: 'TablesHandlesF4A788EC' },
            SPACES_TABLE: { Ref: 'TablesSpaces6F1B95B0' },
            MEMBERSHIPS_TABLE: { Ref: 'TablesMemberships0376FD2C' },
            NOTES_TABLE: { Ref: 'TablesNotes84E9A21A' },
            NOTES_DELTA_SYNC_TTL_MINUTES: '30',
            COMMENTS_TABLE: { Ref: 'TablesComments04534680' },
            DEVICES_TABLE: { Ref: 'TablesDevices704C53B1' },
            LINK_PREVIEWS_TABLE: { Ref: 'TablesLinkPreviews932CC4D5' },
            INACTIVE_USER_TTL_DAYS: '180',
          },
          IntrospectionConfig: 'ENABLED',
          QueryDepthLimit: 10,
          ResolverCountLimit: 1000,
          LogConfig: {
            CloudWatchLogsRoleArn: { 'Fn::GetAtt': ['GraphQLLoggingRole4792ED2A', 'Arn'] },
            ExcludeVerboseContent: false,
            FieldLogLevel: 'ALL',
          },
          XrayEnabled: true,
        },
      },
    });
    expect(template.findResources('AWS::AppSync::GraphQLSchema')).toEqual({
      [SCHEMA]: {
        Type: 'AWS::AppSync::GraphQLSchema',
        Properties: { ApiId: apiId, Definition: fs.readFileSync(SCHEMA_FILE, 'utf8') },
      },
    });
    expect(template.findResources('AWS::AppSync::ApiKey')).toEqual({
      GraphQLApiDefaultApiKey7FD8BBFF: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: apiId }, DependsOn: [SCHEMA] },
    });
  });

  it('logs through its own role into a log group with a retention', () => {
    // Each Lambda function has a log group of its own too (infra/lib/functions/outpost-function.ts).
    expect(template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', apiId]] } } })).toEqual({
      GraphQLLogGroupA2148077: {
        Type: 'AWS::Logs::LogGroup',
        Properties: {
          LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', apiId]] },
          RetentionInDays: 7,
        },
        ...DEV_POLICIES,
      },
    });
    expect(template.findResources('AWS::IAM::Role', { Properties: { Description: 'Lets AppSync write the API field logs to CloudWatch.' } })).toEqual({
      GraphQLLoggingRole4792ED2A: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appsync.amazonaws.com' } }],
            Version: '2012-10-17',
          },
          Description: 'Lets AppSync write the API field logs to CloudWatch.',
          ManagedPolicyArns: [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs']] },
          ],
        },
      },
    });
  });

  it('has a DynamoDB data source per table, named for it, and a NONE data source', () => {
    // Template.findResources types each resource loosely, as { [key: string]: any }.
    const notLambda = (resources: Record<string, Record<string, { Type?: string }>>) => Object.fromEntries(Object.entries(resources).filter(([, r]) => r.Properties.Type !== 'AWS_LAMBDA'));
    const dynamo = (name: string, logicalId: string, tableId: string, roleId: string) => ({
      [logicalId]: {
        Type: 'AWS::AppSync::DataSource',
        Properties: {
          ApiId: apiId,
          Description: `The ${name} table.`,
          DynamoDBConfig: { AwsRegion: { Ref: 'AWS::Region' }, TableName: { Ref: tableId } },
          Name: name,
          ServiceRoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
          Type: 'AMAZON_DYNAMODB',
        },
      },
    });
    expect(notLambda(template.findResources('AWS::AppSync::DataSource'))).toEqual({
      ...dynamo('Users', 'GraphQLApiUsers8F35ED06', 'TablesUsersBA34CAA2', 'GraphQLApiUsersServiceRole60339CC3'),
      ...dynamo('Handles', 'GraphQLApiHandlesF6D03B3F', 'TablesHandlesF4A788EC', 'GraphQLApiHandlesServiceRole5C66FC93'),
      ...dynamo('Spaces', 'GraphQLApiSpacesB1518D7B', 'TablesSpaces6F1B95B0', 'GraphQLApiSpacesServiceRoleA73608C2'),
      ...dynamo('Memberships', 'GraphQLApiMemberships55E77C10', 'TablesMemberships0376FD2C', 'GraphQLApiMembershipsServiceRole41DFF8AC'),
      GraphQLApiNotes89A14472: {
        Type: 'AWS::AppSync::DataSource',
        Properties: {
          ApiId: apiId,
          Description: 'The Notes table.',
          // A versioned data source: conflict detection and delta sync for offline clients
          // (https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html); TTLs in minutes.
          DynamoDBConfig: {
            AwsRegion: { Ref: 'AWS::Region' },
            DeltaSyncConfig: {
              BaseTableTTL: '43200',
              DeltaSyncTableName: { Ref: 'TablesNotesDeltaSync4E273A83' },
              DeltaSyncTableTTL: '30',
            },
            TableName: { Ref: 'TablesNotes84E9A21A' },
            Versioned: true,
          },
          Name: 'Notes',
          ServiceRoleArn: { 'Fn::GetAtt': ['GraphQLApiNotesServiceRole43D0A720', 'Arn'] },
          Type: 'AMAZON_DYNAMODB',
        },
      },
      ...dynamo('Comments', 'GraphQLApiComments039BFC99', 'TablesComments04534680', 'GraphQLApiCommentsServiceRole034724A8'),
      ...dynamo('Devices', 'GraphQLApiDevices6C035A50', 'TablesDevices704C53B1', 'GraphQLApiDevicesServiceRole3C6E5A81'),
      ...dynamo('LinkPreviews', 'GraphQLApiLinkPreviews40A787F1', 'TablesLinkPreviews932CC4D5', 'GraphQLApiLinkPreviewsServiceRole91C17119'),
      GraphQLApiNONEBE9A64F9: {
        Type: 'AWS::AppSync::DataSource',
        Properties: { ApiId: apiId, Description: 'Local resolvers that touch no data store.', Name: 'NONE', Type: 'NONE' },
      },
    });
  });

  it('has a Lambda data source per function that resolves fields, invoking only that function', () => {
    const lambdaSources = Object.values(template.findResources('AWS::AppSync::DataSource', { Properties: { Type: 'AWS_LAMBDA' } })).map((r) => ({
      name: r.Properties.Name,
      functionArn: r.Properties.LambdaConfig.LambdaFunctionArn,
    }));
    expect(lambdaSources).toEqual([
      { name: 'UserProfilesFunction', functionArn: { 'Fn::GetAtt': ['UserProfilesLoaderFunctionC7C3EDE2', 'Arn'] } },
      { name: 'SearchNotesFunction', functionArn: { 'Fn::GetAtt': ['SearchSearchNotesFunction2D9C3298', 'Arn'] } },
      { name: 'LinkPreviewFunction', functionArn: { 'Fn::GetAtt': ['LinkPreviewFunction322BB2E2', 'Arn'] } },
    ]);
  });

  it('lets the Users data source write Handles too, for the handle-claim transaction', () => {
    const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: 'GraphQLApiUsersServiceRole60339CC3' }] } })).toEqual({
      GraphQLApiUsersServiceRoleDefaultPolicy5BA20E50: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: {
            Statement: [
              { Action: READ_WRITE, Effect: 'Allow', Resource: [arn('TablesUsersBA34CAA2')] },
              { Action: STREAMS, Effect: 'Allow', Resource: [arn('TablesUsersBA34CAA2')] },
              { Action: READ_WRITE, Effect: 'Allow', Resource: [arn('TablesHandlesF4A788EC')] },
              { Action: STREAMS, Effect: 'Allow', Resource: [arn('TablesHandlesF4A788EC')] },
            ],
            Version: '2012-10-17',
          },
          PolicyName: 'GraphQLApiUsersServiceRoleDefaultPolicy5BA20E50',
          Roles: [{ Ref: 'GraphQLApiUsersServiceRole60339CC3' }],
        },
      },
    });
  });

  it('lets the Notes data source write its delta sync table, where AppSync logs every change', () => {
    const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
    const indexes = (id: string) => ({ 'Fn::Join': ['', [arn(id), '/index/*']] });
    expect(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: 'GraphQLApiNotesServiceRole43D0A720' }] } })).toEqual({
      GraphQLApiNotesServiceRoleDefaultPolicyAE5CCC41: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyDocument: {
            Statement: [
              { Action: READ_WRITE, Effect: 'Allow', Resource: [arn('TablesNotes84E9A21A'), indexes('TablesNotes84E9A21A')] },
              { Action: STREAMS, Effect: 'Allow', Resource: [arn('TablesNotes84E9A21A'), indexes('TablesNotes84E9A21A')] },
              { Action: READ_WRITE, Effect: 'Allow', Resource: [arn('TablesNotesDeltaSync4E273A83')] },
              { Action: STREAMS, Effect: 'Allow', Resource: [arn('TablesNotesDeltaSync4E273A83')] },
            ],
            Version: '2012-10-17',
          },
          PolicyName: 'GraphQLApiNotesServiceRoleDefaultPolicyAE5CCC41',
          Roles: [{ Ref: 'GraphQLApiNotesServiceRole43D0A720' }],
        },
      },
    });
  });

  it('wires Query.me as a pipeline on the Users data source: read the profile, then refresh it at most hourly', () => {
    const fn = (logicalId: string, file: string) => usersPipelineFunction('Query', 'me', logicalId, file);
    const functions = template.findResources('AWS::AppSync::FunctionConfiguration');
    expect(Object.fromEntries(Object.entries(functions).filter(([id]) => id.startsWith('GraphQLFunctionQueryme')))).toEqual({
      ...fn('GraphQLFunctionQueryme1getProfile1FCB8C20', '1-getProfile'),
      ...fn('GraphQLFunctionQueryme2touchActivity475F2C03', '2-touchActivity'),
    });
    expect(template.findResources('AWS::AppSync::Resolver', { Properties: { TypeName: 'Query', FieldName: 'me' } })).toEqual({
      GraphQLResolverQuerymeCF9E565A: {
        Type: 'AWS::AppSync::Resolver',
        Properties: {
          ApiId: apiId,
          Code: bundleResolver(path.join(RESOLVERS_DIR, 'lib', 'pass-through-pipeline.ts')),
          FieldName: 'me',
          Kind: 'PIPELINE',
          PipelineConfig: {
            Functions: [
              { 'Fn::GetAtt': ['GraphQLFunctionQueryme1getProfile1FCB8C20', 'FunctionId'] },
              { 'Fn::GetAtt': ['GraphQLFunctionQueryme2touchActivity475F2C03', 'FunctionId'] },
            ],
          },
          Runtime: JS_RUNTIME,
          TypeName: 'Query',
        },
        DependsOn: [SCHEMA],
      },
    });
  });

  it('wires Mutation.updateProfile as a pipeline of its numbered functions, in order', () => {
    const fn = (logicalId: string, file: string) => usersPipelineFunction('Mutation', 'updateProfile', logicalId, file);
    const functions = template.findResources('AWS::AppSync::FunctionConfiguration');
    expect(
      Object.fromEntries(Object.entries(functions).filter(([id]) => id.startsWith('GraphQLFunctionMutationupdateProfile'))),
    ).toEqual({
      ...fn('GraphQLFunctionMutationupdateProfile0touchActivityB1B16FC3', '0-touchActivity'),
      ...fn('GraphQLFunctionMutationupdateProfile1getUser00CB18BC', '1-getUser'),
      ...fn('GraphQLFunctionMutationupdateProfile2saveProfile5169E28E', '2-saveProfile'),
      ...fn('GraphQLFunctionMutationupdateProfile3readProfile1648416F', '3-readProfile'),
    });
    expect(template.findResources('AWS::AppSync::Resolver', { Properties: { TypeName: 'Mutation', FieldName: 'updateProfile' } })).toEqual({
      GraphQLResolverMutationupdateProfileE93001AA: {
        Type: 'AWS::AppSync::Resolver',
        Properties: {
          ApiId: apiId,
          Code: bundleResolver(path.join(RESOLVERS_DIR, 'Mutation.updateProfile', 'resolver.ts')),
          FieldName: 'updateProfile',
          Kind: 'PIPELINE',
          PipelineConfig: {
            Functions: [
              { 'Fn::GetAtt': ['GraphQLFunctionMutationupdateProfile0touchActivityB1B16FC3', 'FunctionId'] },
              { 'Fn::GetAtt': ['GraphQLFunctionMutationupdateProfile1getUser00CB18BC', 'FunctionId'] },
              { 'Fn::GetAtt': ['GraphQLFunctionMutationupdateProfile2saveProfile5169E28E', 'FunctionId'] },
              { 'Fn::GetAtt': ['GraphQLFunctionMutationupdateProfile3readProfile1648416F', 'FunctionId'] },
            ],
          },
          Runtime: JS_RUNTIME,
          TypeName: 'Mutation',
        },
        DependsOn: [SCHEMA],
      },
    });
  });

  it('deploys exactly the resolvers in resolvers/, all on the APPSYNC_JS runtime', () => {
    const resolvers = Object.values(template.findResources('AWS::AppSync::Resolver')).map(
      (r) => r.Properties as { TypeName: string; FieldName: string; Runtime: unknown },
    );
    expect(resolvers.map((r) => `${r.TypeName}.${r.FieldName}`).sort()).toEqual(
      discoverResolvers(RESOLVERS_DIR)
        .map((spec) => `${spec.typeName}.${spec.fieldName}`)
        .sort(),
    );
    const functions = Object.values(template.findResources('AWS::AppSync::FunctionConfiguration')).map(
      (f) => f.Properties as { Runtime: unknown },
    );
    const runtimes = new Set([...resolvers, ...functions].map((p) => JSON.stringify(p.Runtime)));
    expect(runtimes).toEqual(new Set([JSON.stringify(JS_RUNTIME)]));
  });

  it('outputs what the deploy scripts need', () => {
    expect(template.toJSON().Outputs).toEqual({
      GraphQLUrl: { Description: 'The AppSync GraphQL endpoint.', Value: { 'Fn::GetAtt': [API, 'GraphQLUrl'] } },
      GraphQLApiId: { Description: 'The AppSync API id.', Value: apiId },
      AwsRegion: { Description: 'The region the stack is deployed to.', Value: { Ref: 'AWS::Region' } },
      UserPoolId: { Description: 'The Cognito user pool id.', Value: { Ref: 'AuthUserPool8115E87F' } },
      UserPoolClientId: { Description: 'The Cognito app client id (no secret).', Value: { Ref: 'AuthUserPoolAppClient1D18298A' } },
      DefaultAuthorizationType: { Description: "The API's default authorization mode.", Value: 'AMAZON_COGNITO_USER_POOLS' },
      AdditionalAuthorizationTypes: { Description: "The API's other authorization modes, comma-separated.", Value: 'AWS_IAM,API_KEY' },
      PasswordPolicy: {
        Description: "The user pool's password rules, as JSON.",
        Value: '{"minLength":8,"requireLowercase":true,"requireUppercase":true,"requireDigits":true,"requireSymbols":true}',
      },
      GraphQLApiKey: {
        Description: 'The API key, present when the schema uses @aws_api_key.',
        Value: { 'Fn::GetAtt': ['GraphQLApiDefaultApiKey7FD8BBFF', 'ApiKey'] },
      },
    });
  });

  it('stops synth when a resolver names a field the schema lacks', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-resolvers-'));
    scratchDirs.push(dir);
    fs.writeFileSync(path.join(dir, 'Query.mee.ts'), '// @dataSource Users\nexport function request() { return {}; }\n');
    expect(
      () => new OutpostStack(new App(), 'Outpost-dev', { config: resolveStageConfig({ stage: 'dev' }), resolversDir: dir }),
    ).toThrow(
      new ResolverLayoutError(
        `${path.basename(dir)}/Query.mee.ts resolves Query.mee, but type Query in schema.graphql has no field "mee" (its fields: ${queryFields().join(', ')}).`,
      ),
    );
  });
});

function queryFields(): string[] {
  const fields = objectFields(parseSchema(fs.readFileSync(SCHEMA_FILE, 'utf8'), 'schema.graphql')).get('Query');
  return [...(fields ?? [])];
}
