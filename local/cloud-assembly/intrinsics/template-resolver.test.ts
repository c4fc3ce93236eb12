import { createLocalEnvironment, type LocalEnvironmentOptions } from '../environment/local-environment';
import type { CfnTemplate } from '../template';
import { containsUnresolved, WarningSink } from '../warnings';
import { TemplateResolver } from './template-resolver';

const template: CfnTemplate = {
  Parameters: {
    Stage: { Type: 'String', Default: 'dev' },
    Zones: { Type: 'CommaDelimitedList', Default: 'a,b' },
    NoDefault: { Type: 'String' },
    BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' },
  },
  Conditions: {
    IsDev: { 'Fn::Equals': [{ Ref: 'Stage' }, 'dev'] },
    IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
    DevAndNotProd: { 'Fn::And': [{ Condition: 'IsDev' }, { 'Fn::Not': [{ Condition: 'IsProd' }] }] },
    ProdOrDev: { 'Fn::Or': [{ Condition: 'IsProd' }, { Condition: 'IsDev' }] },
    Unsupported: { 'Fn::Contains': [['a'], 'a'] },
  },
  Mappings: { Sizes: { dev: { Memory: 256 } } },
  Resources: {
    Notes: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'notes']] } } },
    Users: { Type: 'AWS::DynamoDB::Table', Properties: {} },
    Fn: { Type: 'AWS::Lambda::Function', Properties: {} },
    Api: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'api' } },
    Topic: { Type: 'AWS::Events::Rule', Properties: {} },
    LoopA: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: { Ref: 'LoopB' } } },
    LoopB: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: { Ref: 'LoopA' } } },
    ProdOnly: { Type: 'AWS::DynamoDB::Table', Condition: 'IsProd', Properties: {} },
  },
};

function resolve(value: unknown, options: LocalEnvironmentOptions = {}): { value: unknown; warnings: unknown } {
  const sink = new WarningSink('Outpost');
  const resolver = new TemplateResolver(template, 'Outpost', createLocalEnvironment(options), sink);
  return { value: resolver.resolve(value, 'Resources.X.Properties.P'), warnings: sink.warnings };
}

describe('TemplateResolver', () => {
  it('resolves Ref to resources, parameters and pseudo parameters', () => {
    expect(
      resolve({
        table: { Ref: 'Notes' },
        unnamedTable: { Ref: 'Users' },
        fn: { Ref: 'Fn' },
        api: { Ref: 'Api' },
        stage: { Ref: 'Stage' },
        zones: { Ref: 'Zones' },
        region: { Ref: 'AWS::Region' },
        account: { Ref: 'AWS::AccountId' },
        partition: { Ref: 'AWS::Partition' },
        suffix: { Ref: 'AWS::URLSuffix' },
        stackName: { Ref: 'AWS::StackName' },
        stackId: { Ref: 'AWS::StackId' },
        notifications: { Ref: 'AWS::NotificationARNs' },
      }),
    ).toEqual({
      value: {
        table: 'Outpost-notes',
        unnamedTable: 'Users',
        fn: 'Fn',
        api: 'arn:aws:appsync:us-east-1:000000000000:apis/api',
        stage: 'dev',
        zones: ['a', 'b'],
        region: 'us-east-1',
        account: '000000000000',
        partition: 'aws',
        suffix: 'amazonaws.com',
        stackName: 'Outpost',
        stackId: 'arn:aws:cloudformation:us-east-1:000000000000:stack/Outpost/00000000-0000-0000-0000-000000000000',
        notifications: [],
      },
      warnings: [],
    });
  });

  it('takes parameters, pseudo parameters and per-resource overrides from the environment', () => {
    expect(
      resolve(
        {
          stage: { Ref: 'Stage' },
          region: { Ref: 'AWS::Region' },
          stream: { 'Fn::GetAtt': ['Users', 'StreamArn'] },
          fn: { Ref: 'Fn' },
          arn: { 'Fn::GetAtt': ['Fn', 'Arn'] },
        },
        {
          parameters: { Stage: 'prod' },
          pseudo: { region: 'eu-west-1' },
          overrides: { Users: { StreamArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/Users/stream/2026-01-01T00:00:00.000' }, Fn: { Ref: 'users-fn' } },
        },
      ),
    ).toEqual({
      value: {
        stage: 'prod',
        region: 'eu-west-1',
        stream: 'arn:aws:dynamodb:ddblocal:000000000000:table/Users/stream/2026-01-01T00:00:00.000',
        fn: 'users-fn',
        arn: 'arn:aws:lambda:eu-west-1:000000000000:function:Fn',
      },
      warnings: [],
    });
  });

  it('lets the caller add an attribute provider for a resource type', () => {
    expect(
      resolve(
        { rule: { Ref: 'Topic' }, arn: { 'Fn::GetAtt': ['Topic', 'Arn'] } },
        {
          providers: {
            'AWS::Events::Rule': {
              ref: (resource) => `local-${resource.logicalId}`,
              attributes: { Arn: (resource) => `arn:${resource.pseudo.partition}:events:${resource.pseudo.region}:${resource.pseudo.accountId}:rule/${resource.stackName}-${resource.logicalId}` },
            },
          },
        },
      ),
    ).toEqual({ value: { rule: 'local-Topic', arn: 'arn:aws:events:us-east-1:000000000000:rule/Outpost-Topic' }, warnings: [] });
  });

  it('resolves Fn::GetAtt in both forms, through the resource type provider', () => {
    expect(
      resolve({
        arn: { 'Fn::GetAtt': ['Notes', 'Arn'] },
        stream: 'Notes.StreamArn',
        streamShort: { 'Fn::GetAtt': 'Notes.StreamArn' },
        apiId: { 'Fn::GetAtt': ['Api', 'ApiId'] },
        url: { 'Fn::GetAtt': ['Api', 'GraphQLUrl'] },
        dns: { 'Fn::GetAtt': ['Api', 'GraphQLDns'] },
      }, { endpoints: { graphqlUrl: 'http://localhost:20002/graphql' } }),
    ).toEqual({
      value: {
        arn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Outpost-notes',
        stream: 'Notes.StreamArn',
        streamShort: 'arn:aws:dynamodb:us-east-1:000000000000:table/Outpost-notes/stream/1970-01-01T00:00:00.000',
        apiId: 'api',
        url: 'http://localhost:20002/graphql',
        dns: 'localhost:20002',
      },
      warnings: [],
    });
  });

  it('resolves Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap and Fn::Base64', () => {
    expect(
      resolve({
        join: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':x']] },
        select: { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Fn', 'Arn'] }] }] },
        selectString: { 'Fn::Select': ['0', ['first', 'second']] },
        split: { 'Fn::Split': ['/', 'a/b/c'] },
        map: { 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Memory'] },
        base64: { 'Fn::Base64': { 'Fn::Sub': '${AWS::Region}' } },
      }),
    ).toEqual({
      value: {
        join: 'arn:aws:x',
        select: 'aws',
        selectString: 'first',
        split: ['a', 'b', 'c'],
        map: 256,
        base64: Buffer.from('us-east-1').toString('base64'),
      },
      warnings: [],
    });
  });

  it('resolves Fn::Sub with pseudo parameters, Refs, attributes, variables and ${!Literal}', () => {
    expect(
      resolve({
        bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' },
        refs: { 'Fn::Sub': '${Notes}|${Notes.Arn}|${Stage}' },
        literal: { 'Fn::Sub': '${!Literal}-${ AWS::Partition }' },
        variables: { 'Fn::Sub': ['${Table}/index/${Index}', { Table: { 'Fn::GetAtt': ['Users', 'Arn'] }, Index: 'byUser' }] },
      }),
    ).toEqual({
      value: {
        bucket: 'cdk-hnb659fds-assets-000000000000-us-east-1',
        refs: 'Outpost-notes|arn:aws:dynamodb:us-east-1:000000000000:table/Outpost-notes|dev',
        literal: '${Literal}-aws',
        variables: 'arn:aws:dynamodb:us-east-1:000000000000:table/Users/index/byUser',
      },
      warnings: [],
    });
  });

  it('evaluates Fn::If and Conditions, and drops AWS::NoValue', () => {
    expect(
      resolve({
        dev: { 'Fn::If': ['IsDev', 'yes', 'no'] },
        prod: { 'Fn::If': ['IsProd', 'yes', { Ref: 'AWS::NoValue' }] },
        and: { 'Fn::If': ['DevAndNotProd', 1, 2] },
        or: { 'Fn::If': ['ProdOrDev', 1, 2] },
        list: ['a', { Ref: 'AWS::NoValue' }, 'b'],
      }),
    ).toEqual({ value: { dev: 'yes', and: 1, or: 1, list: ['a', 'b'] }, warnings: [] });
  });

  it('warns by name and leaves a placeholder for what it cannot resolve', () => {
    expect(
      resolve({
        importValue: { 'Fn::ImportValue': 'SharedTable' },
        missingRef: { Ref: 'Nope' },
        missingGetAtt: { 'Fn::GetAtt': ['Nope', 'Arn'] },
        unknownAttribute: { 'Fn::GetAtt': ['Notes', 'TableId2'] },
        noProvider: { 'Fn::GetAtt': ['Topic', 'Arn'] },
        noProviderRef: { Ref: 'Topic' },
        noEndpoint: { 'Fn::GetAtt': ['Api', 'RealtimeUrl'] },
        ssm: { Ref: 'BootstrapVersion' },
        noDefault: { Ref: 'NoDefault' },
        badSelect: { 'Fn::Select': [5, ['a']] },
        inJoin: { 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': 'Host' }]] },
        unsupportedCondition: { 'Fn::If': ['Unsupported', 'yes', 'no'] },
        missingCondition: { 'Fn::If': ['Nowhere', 'yes', 'no'] },
        missingMapping: { 'Fn::FindInMap': ['Sizes', 'prod', 'Memory'] },
      }),
    ).toEqual({
      value: {
        importValue: '<<unresolved Fn::ImportValue>>',
        missingRef: '<<unresolved Ref Nope>>',
        missingGetAtt: '<<unresolved Fn::GetAtt Nope.Arn>>',
        unknownAttribute: '<<unresolved Fn::GetAtt Notes.TableId2>>',
        noProvider: '<<unresolved Fn::GetAtt Topic.Arn>>',
        noProviderRef: '<<unresolved Ref Topic>>',
        noEndpoint: '<<unresolved Fn::GetAtt Api.RealtimeUrl>>',
        ssm: '<<unresolved Ref BootstrapVersion>>',
        noDefault: '<<unresolved Ref NoDefault>>',
        badSelect: '<<unresolved Fn::Select>>',
        inJoin: 'https://<<unresolved Fn::ImportValue>>',
        unsupportedCondition: 'no',
        missingCondition: 'no',
        missingMapping: '<<unresolved Fn::FindInMap Sizes.prod.Memory>>',
      },
      warnings: [
        {
          code: 'UnknownIntrinsic',
          message: 'Unknown intrinsic Fn::ImportValue at Resources.X.Properties.P.importValue: Outpost Local cannot resolve it; used the placeholder <<unresolved Fn::ImportValue>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableRef',
          message: 'Ref Nope at Resources.X.Properties.P.missingRef names no resource, parameter or pseudo parameter; used the placeholder <<unresolved Ref Nope>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableAttribute',
          message: 'Fn::GetAtt Nope.Arn at Resources.X.Properties.P.missingGetAtt: Nope is not a resource in this template; used the placeholder <<unresolved Fn::GetAtt Nope.Arn>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableAttribute',
          message:
            'Fn::GetAtt Notes.TableId2 at Resources.X.Properties.P.unknownAttribute: AWS::DynamoDB::Table has no local value for attribute TableId2; used the placeholder <<unresolved Fn::GetAtt Notes.TableId2>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableAttribute',
          message: 'Fn::GetAtt Topic.Arn at Resources.X.Properties.P.noProvider: AWS::Events::Rule has no local attribute provider; used the placeholder <<unresolved Fn::GetAtt Topic.Arn>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableRef',
          message: 'Ref Topic at Resources.X.Properties.P.noProviderRef: AWS::Events::Rule has no local attribute provider; used the placeholder <<unresolved Ref Topic>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableAttribute',
          message:
            'Fn::GetAtt Api.RealtimeUrl at Resources.X.Properties.P.noEndpoint: AWS::AppSync::GraphQLApi has no local value for attribute RealtimeUrl; used the placeholder <<unresolved Fn::GetAtt Api.RealtimeUrl>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableRef',
          message: 'Ref BootstrapVersion at Resources.X.Properties.P.ssm is an SSM parameter and has no local value; used the placeholder <<unresolved Ref BootstrapVersion>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableRef',
          message: 'Ref NoDefault at Resources.X.Properties.P.noDefault: the parameter has no Default and no local value; used the placeholder <<unresolved Ref NoDefault>>.',
          stackName: 'Outpost',
        },
        {
          code: 'MalformedIntrinsic',
          message: 'Malformed Fn::Select at Resources.X.Properties.P.badSelect: expected an index within the list; used the placeholder <<unresolved Fn::Select>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnknownIntrinsic',
          message: 'Unknown intrinsic Fn::ImportValue at Resources.X.Properties.P.inJoin.1.1: Outpost Local cannot resolve it; used the placeholder <<unresolved Fn::ImportValue>>.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvedCondition',
          message: 'Condition function Fn::Contains at Conditions.Unsupported is not supported; treated as false.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvedCondition',
          message: 'Condition Nowhere at Resources.X.Properties.P.missingCondition is not defined in Conditions; treated as false.',
          stackName: 'Outpost',
        },
        {
          code: 'UnresolvableRef',
          message: "Fn::FindInMap Sizes.prod.Memory at Resources.X.Properties.P.missingMapping is not in the template's Mappings; used the placeholder <<unresolved Fn::FindInMap Sizes.prod.Memory>>.",
          stackName: 'Outpost',
        },
      ],
    });
  });

  it('marks placeholders so that consumers can tell them from real values', () => {
    const { value } = resolve([{ 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': 'Host' }]] }, { 'Fn::GetAtt': ['Notes', 'Arn'] }]);
    expect((value as string[]).map(containsUnresolved)).toEqual([true, false]);
  });

  it('breaks reference cycles between properties with a warning', () => {
    const sink = new WarningSink('Outpost');
    const resolver = new TemplateResolver(template, 'Outpost', createLocalEnvironment(), sink);
    expect({ value: resolver.resolveProperty('LoopA', 'TableName'), warnings: sink.warnings }).toEqual({
      value: '<<unresolved LoopA.TableName>>',
      warnings: [
        {
          code: 'CircularReference',
          message: 'Resources.LoopA.Properties.TableName refers back to itself; used the placeholder <<unresolved LoopA.TableName>>.',
          stackName: 'Outpost',
        },
      ],
    });
  });

  it('includes a resource only when its Condition holds', () => {
    const sink = new WarningSink('Outpost');
    const resolver = new TemplateResolver(template, 'Outpost', createLocalEnvironment(), sink);
    const prodResolver = new TemplateResolver(template, 'Outpost', createLocalEnvironment({ parameters: { Stage: 'prod' } }), sink);
    expect({
      dev: { ProdOnly: resolver.isResourceIncluded('ProdOnly'), Notes: resolver.isResourceIncluded('Notes') },
      prod: { ProdOnly: prodResolver.isResourceIncluded('ProdOnly') },
      warnings: sink.warnings,
    }).toEqual({ dev: { ProdOnly: false, Notes: true }, prod: { ProdOnly: true }, warnings: [] });
  });
});
