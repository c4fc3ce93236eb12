import { Template } from 'aws-cdk-lib/assertions';
import { StageConfigError } from './config';
import { createOutpostApp } from './outpost-app';

// The prod stage, built the way `cdk deploy -c stage=prod` builds it (cdk-nag runs as a synth plugin).
const { stack } = createOutpostApp({ context: { stage: 'prod', inactiveUserTtlDays: '90' } });
const template = Template.fromStack(stack);
const RETAIN = { UpdateReplacePolicy: 'Retain', DeletionPolicy: 'Retain' };

describe('createOutpostApp', () => {
  it('names the stack for its stage', () => {
    expect(stack.stackName).toBe('Outpost-prod');
  });

  it('retains every stateful resource in prod', () => {
    const policies = (type: string) =>
      Object.values(template.findResources(type)).map((r) => ({ UpdateReplacePolicy: r.UpdateReplacePolicy, DeletionPolicy: r.DeletionPolicy }));
    expect(policies('AWS::DynamoDB::Table')).toEqual(Array(9).fill(RETAIN));
    expect(policies('AWS::Cognito::UserPool')).toEqual([RETAIN]);
    // The API's log group and one per function (profiles, link previews, user expiry, search, indexer).
    expect(policies('AWS::Logs::LogGroup')).toEqual(Array(6).fill(RETAIN));
    expect(policies('AWS::OpenSearchService::Domain')).toEqual([RETAIN]);
    // The dead-letter queues hold records a trigger gave up on.
    expect(policies('AWS::SQS::Queue')).toEqual(Array(2).fill(RETAIN));
  });

  it('turns introspection off, logs errors only, keeps logs six months and passes the TTL to resolvers', () => {
    const [api] = Object.values(template.findResources('AWS::AppSync::GraphQLApi'));
    const properties = api.Properties as Record<string, unknown>;
    expect({
      Name: properties.Name,
      IntrospectionConfig: properties.IntrospectionConfig,
      LogConfig: properties.LogConfig,
      TtlDays: (properties.EnvironmentVariables as Record<string, unknown>).INACTIVE_USER_TTL_DAYS,
    }).toEqual({
      Name: 'Outpost-prod',
      IntrospectionConfig: 'DISABLED',
      LogConfig: {
        CloudWatchLogsRoleArn: { 'Fn::GetAtt': ['GraphQLLoggingRole4792ED2A', 'Arn'] },
        ExcludeVerboseContent: false,
        FieldLogLevel: 'ERROR',
      },
      TtlDays: '90',
    });
    const [logGroup] = Object.values(template.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: { 'Fn::Join': ['', ['/aws/appsync/apis/', { 'Fn::GetAtt': ['GraphQLApi85666BA6', 'ApiId'] }]] } } }));
    expect(logGroup.Properties.RetentionInDays).toBe(180);
  });

  it('rejects an unknown stage before building anything', () => {
    expect(() => createOutpostApp({ context: { stage: 'staging' } })).toThrow(
      new StageConfigError('Invalid stage "staging": expected one of dev, prod (pass -c stage=dev or -c stage=prod).'),
    );
  });
});
