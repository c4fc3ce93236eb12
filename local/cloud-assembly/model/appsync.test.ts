import { join } from 'node:path';
import { lastFixtureDir, readFixture, removeFixtures, stack } from '../__fixtures__/read-fixture';
import { assetFileName, assetObjectKey, type FixtureAsset } from '../__fixtures__/write-assembly';

afterAll(removeFixtures);

const schemaAsset: FixtureAsset = { hash: 'a'.repeat(64), packaging: 'file', extension: '.graphql', files: { '': 'type Query { note(id: ID!): Note }' } };
const noteCode: FixtureAsset = { hash: 'b'.repeat(64), packaging: 'file', extension: '.js', files: { '': 'export function request(ctx) { return {}; }' } };
const s3 = (asset: FixtureAsset): unknown => ({ 'Fn::Sub': `s3://cdk-hnb659fds-assets-\${AWS::AccountId}-\${AWS::Region}/${assetObjectKey(asset)}` });
const apiId = { 'Fn::GetAtt': ['Api', 'ApiId'] };

const template = {
  Resources: {
    Api: {
      Type: 'AWS::AppSync::GraphQLApi',
      Properties: {
        Name: 'outpost',
        AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
        UserPoolConfig: { UserPoolId: { Ref: 'Pool' }, AwsRegion: { Ref: 'AWS::Region' }, DefaultAction: 'DENY', AppIdClientRegex: '^mobile$' },
        AdditionalAuthenticationProviders: [
          { AuthenticationType: 'API_KEY' },
          {
            AuthenticationType: 'AWS_LAMBDA',
            LambdaAuthorizerConfig: {
              AuthorizerUri: { 'Fn::GetAtt': ['Authorizer', 'Arn'] },
              AuthorizerResultTtlInSeconds: 300,
              IdentityValidationExpression: '^Bearer ',
            },
          },
          { AuthenticationType: 'OPENID_CONNECT', OpenIDConnectConfig: { Issuer: 'https://issuer.example.com', ClientId: 'web', IatTTL: 3600, AuthTTL: 3600 } },
          { AuthenticationType: 'AMAZON_COGNITO_USER_POOLS', UserPoolConfig: { UserPoolId: { Ref: 'Pool' } } },
        ],
        LogConfig: { FieldLogLevel: 'ALL', ExcludeVerboseContent: true, CloudWatchLogsRoleArn: { 'Fn::GetAtt': ['LogsRole', 'Arn'] } },
        XrayEnabled: true,
        QueryDepthLimit: 8,
        ResolverCountLimit: 200,
        IntrospectionConfig: 'DISABLED',
        EnvironmentVariables: { NOTES_TABLE: { Ref: 'Notes' }, STAGE: 'dev' },
      },
    },
    LogsRole: { Type: 'AWS::IAM::Role', Properties: {} },
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
    Authorizer: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Code: { ZipFile: 'exports.handler = async () => ({ isAuthorized: false });' } } },
    Notes: {
      Type: 'AWS::DynamoDB::Table',
      Properties: { TableName: 'Notes', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' },
    },
    NotesDelta: {
      Type: 'AWS::DynamoDB::Table',
      Properties: { TableName: 'NotesDelta', KeySchema: [{ AttributeName: 'ds_pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'ds_pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' },
    },
    Search: { Type: 'AWS::OpenSearchService::Domain', Properties: { EngineVersion: 'OpenSearch_2.17' } },
    Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: apiId, DefinitionS3Location: s3(schemaAsset) } },
    Key: { Type: 'AWS::AppSync::ApiKey', Properties: { ApiId: apiId, Description: 'explorer', Expires: 1798761600 } },
    NotesSource: {
      Type: 'AWS::AppSync::DataSource',
      Properties: {
        ApiId: apiId,
        Name: 'notes',
        Type: 'AMAZON_DYNAMODB',
        DynamoDBConfig: {
          TableName: { Ref: 'Notes' },
          AwsRegion: { Ref: 'AWS::Region' },
          Versioned: true,
          DeltaSyncConfig: { BaseTableTTL: '43200', DeltaSyncTableName: { Ref: 'NotesDelta' }, DeltaSyncTableTTL: '1440' },
        },
      },
    },
    PreviewSource: {
      Type: 'AWS::AppSync::DataSource',
      Properties: { ApiId: apiId, Name: 'linkPreview', Type: 'AWS_LAMBDA', LambdaConfig: { LambdaFunctionArn: { 'Fn::GetAtt': ['Authorizer', 'Arn'] } } },
    },
    NoneSource: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: apiId, Name: 'none', Type: 'NONE', Description: 'local values' } },
    HttpSource: {
      Type: 'AWS::AppSync::DataSource',
      Properties: {
        ApiId: apiId,
        Name: 'pinpoint',
        Type: 'HTTP',
        HttpConfig: {
          Endpoint: { 'Fn::Sub': 'https://pinpoint.${AWS::Region}.${AWS::URLSuffix}' },
          AuthorizationConfig: { AuthorizationType: 'AWS_IAM', AwsIamConfig: { SigningRegion: { Ref: 'AWS::Region' }, SigningServiceName: 'mobiletargeting' } },
        },
      },
    },
    SearchSource: {
      Type: 'AWS::AppSync::DataSource',
      Properties: {
        ApiId: apiId,
        Name: 'search',
        Type: 'AMAZON_OPENSEARCH_SERVICE',
        OpenSearchServiceConfig: { AwsRegion: { Ref: 'AWS::Region' }, Endpoint: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': ['Search', 'DomainEndpoint'] }]] } },
      },
    },
    SqlSource: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: apiId, Name: 'sql', Type: 'RELATIONAL_DATABASE' } },
    NoteResolver: {
      Type: 'AWS::AppSync::Resolver',
      Properties: {
        ApiId: apiId,
        TypeName: 'Query',
        FieldName: 'note',
        DataSourceName: { 'Fn::GetAtt': ['NotesSource', 'Name'] },
        Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
        CodeS3Location: s3(noteCode),
        MaxBatchSize: 10,
        CachingConfig: { Ttl: 60, CachingKeys: ['$context.arguments.id'] },
      },
    },
    AuthorizeFunction: {
      Type: 'AWS::AppSync::FunctionConfiguration',
      Properties: {
        ApiId: apiId,
        Name: 'authorize',
        DataSourceName: 'notes',
        Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
        Code: 'export function request() {} export function response(ctx) { return ctx.prev.result; }',
        SyncConfig: { ConflictDetection: 'VERSION', ConflictHandler: 'OPTIMISTIC_CONCURRENCY' },
      },
    },
    UpdateNoteResolver: {
      Type: 'AWS::AppSync::Resolver',
      Properties: {
        ApiId: apiId,
        TypeName: 'Mutation',
        FieldName: 'updateNote',
        Kind: 'PIPELINE',
        PipelineConfig: { Functions: [{ 'Fn::GetAtt': ['AuthorizeFunction', 'FunctionId'] }] },
        Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
        Code: 'export function request() { return {}; } export function response(ctx) { return ctx.prev.result; }',
      },
    },
    VtlResolver: {
      Type: 'AWS::AppSync::Resolver',
      Properties: { ApiId: apiId, TypeName: 'Query', FieldName: 'legacy', DataSourceName: 'none', RequestMappingTemplate: '{"version":"2018-05-29"}', ResponseMappingTemplate: '$util.toJson($ctx.result)' },
    },
    LostResolver: {
      Type: 'AWS::AppSync::Resolver',
      Properties: {
        ApiId: apiId,
        TypeName: 'Query',
        FieldName: 'lost',
        DataSourceName: 'none',
        Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' },
        CodeS3Location: 's3://somewhere-else/missing.js',
      },
    },
  },
};

const userPoolConfig = { userPoolId: 'us-east-1_Pool', awsRegion: 'us-east-1', appIdClientRegex: '^mobile$', defaultAction: 'DENY' };
const noAuthConfig = { userPoolConfig: null, openIdConnectConfig: null, lambdaAuthorizerConfig: null };
const jsRuntime = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };

describe('AWS::AppSync resources', () => {
  it('models the API with its auth modes, limits, schema asset, key, data sources, resolvers and functions', () => {
    const model = readFixture(template, [schemaAsset, noteCode], { endpoints: { searchUrl: 'http://localhost:9200' } });
    const dir = lastFixtureDir();
    const graphqlApis = [
      {
        logicalId: 'Api',
        name: 'outpost',
        apiId: 'api',
        arn: 'arn:aws:appsync:us-east-1:000000000000:apis/api',
        defaultAuthMode: { ...noAuthConfig, authenticationType: 'AMAZON_COGNITO_USER_POOLS', userPoolConfig },
        additionalAuthModes: [
          { ...noAuthConfig, authenticationType: 'API_KEY' },
          {
            ...noAuthConfig,
            authenticationType: 'AWS_LAMBDA',
            lambdaAuthorizerConfig: {
              authorizerUri: 'arn:aws:lambda:us-east-1:000000000000:function:Authorizer',
              authorizerResultTtlInSeconds: 300,
              identityValidationExpression: '^Bearer ',
            },
          },
          { ...noAuthConfig, authenticationType: 'OPENID_CONNECT', openIdConnectConfig: { issuer: 'https://issuer.example.com', clientId: 'web', iatTtl: 3600, authTtl: 3600 } },
          { ...noAuthConfig, authenticationType: 'AMAZON_COGNITO_USER_POOLS', userPoolConfig: { userPoolId: 'us-east-1_Pool', awsRegion: null, appIdClientRegex: null, defaultAction: null } },
        ],
        logConfig: { fieldLogLevel: 'ALL', excludeVerboseContent: true },
        xrayEnabled: true,
        queryDepthLimit: 8,
        resolverCountLimit: 200,
        introspectionConfig: 'DISABLED',
        visibility: 'GLOBAL',
        environmentVariables: { NOTES_TABLE: 'Notes', STAGE: 'dev' },
        schema: { logicalId: 'Schema', definition: 'type Query { note(id: ID!): Note }', definitionPath: join(dir, assetFileName(schemaAsset)) },
        apiKeys: [{ logicalId: 'Key', apiKey: 'da2-key', description: 'explorer', expires: 1798761600 }],
        dataSources: [
          {
            logicalId: 'NotesSource',
            name: 'notes',
            description: null,
            type: 'AMAZON_DYNAMODB',
            dynamodb: {
              tableName: 'Notes',
              tableLogicalId: 'Notes',
              awsRegion: 'us-east-1',
              useCallerCredentials: false,
              versioned: true,
              deltaSyncConfig: { baseTableTtl: 43200, deltaSyncTableName: 'NotesDelta', deltaSyncTableLogicalId: 'NotesDelta', deltaSyncTableTtl: 1440 },
            },
          },
          {
            logicalId: 'PreviewSource',
            name: 'linkPreview',
            description: null,
            type: 'AWS_LAMBDA',
            lambda: { functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:Authorizer', functionLogicalId: 'Authorizer' },
          },
          { logicalId: 'NoneSource', name: 'none', description: 'local values', type: 'NONE' },
          {
            logicalId: 'HttpSource',
            name: 'pinpoint',
            description: null,
            type: 'HTTP',
            http: {
              endpoint: 'https://pinpoint.us-east-1.amazonaws.com',
              authorizationConfig: { authorizationType: 'AWS_IAM', signingRegion: 'us-east-1', signingServiceName: 'mobiletargeting' },
            },
          },
          {
            logicalId: 'SearchSource',
            name: 'search',
            description: null,
            type: 'AMAZON_OPENSEARCH_SERVICE',
            // CDK joins `https://` to DomainEndpoint, which locally is already a URL with its scheme.
            openSearch: { endpoint: 'https://http://localhost:9200', awsRegion: 'us-east-1', searchLogicalId: 'Search' },
          },
        ],
        resolvers: [
          {
            logicalId: 'NoteResolver',
            typeName: 'Query',
            fieldName: 'note',
            kind: 'UNIT',
            dataSourceName: 'notes',
            pipelineFunctionIds: [],
            cachingConfig: { ttl: 60, cachingKeys: ['$context.arguments.id'] },
            runtime: jsRuntime,
            code: 'export function request(ctx) { return {}; }',
            codePath: join(dir, assetFileName(noteCode)),
            requestMappingTemplate: null,
            responseMappingTemplate: null,
            maxBatchSize: 10,
            syncConfig: null,
          },
          {
            logicalId: 'UpdateNoteResolver',
            typeName: 'Mutation',
            fieldName: 'updateNote',
            kind: 'PIPELINE',
            dataSourceName: null,
            pipelineFunctionIds: ['AuthorizeFunction'],
            cachingConfig: null,
            runtime: jsRuntime,
            code: 'export function request() { return {}; } export function response(ctx) { return ctx.prev.result; }',
            codePath: null,
            requestMappingTemplate: null,
            responseMappingTemplate: null,
            maxBatchSize: null,
            syncConfig: null,
          },
          {
            logicalId: 'VtlResolver',
            typeName: 'Query',
            fieldName: 'legacy',
            kind: 'UNIT',
            dataSourceName: 'none',
            pipelineFunctionIds: [],
            cachingConfig: null,
            runtime: null,
            code: null,
            codePath: null,
            requestMappingTemplate: '{"version":"2018-05-29"}',
            responseMappingTemplate: '$util.toJson($ctx.result)',
            maxBatchSize: null,
            syncConfig: null,
          },
          {
            logicalId: 'LostResolver',
            typeName: 'Query',
            fieldName: 'lost',
            kind: 'UNIT',
            dataSourceName: 'none',
            pipelineFunctionIds: [],
            cachingConfig: null,
            runtime: jsRuntime,
            code: null,
            codePath: null,
            requestMappingTemplate: null,
            responseMappingTemplate: null,
            maxBatchSize: null,
            syncConfig: null,
          },
        ],
        functions: [
          {
            logicalId: 'AuthorizeFunction',
            name: 'authorize',
            functionId: 'AuthorizeFunction',
            dataSourceName: 'notes',
            description: null,
            runtime: jsRuntime,
            code: 'export function request() {} export function response(ctx) { return ctx.prev.result; }',
            codePath: null,
            requestMappingTemplate: null,
            responseMappingTemplate: null,
            maxBatchSize: null,
            syncConfig: { conflictDetection: 'VERSION', conflictHandler: 'OPTIMISTIC_CONCURRENCY', lambdaConflictHandlerArn: null },
          },
        ],
      },
    ];
    const table = (name: string, key: string): unknown => ({
      logicalId: name,
      tableName: name,
      tableArn: `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`,
      streamArn: null,
      keySchema: [{ attributeName: key, keyType: 'HASH' }],
      attributeDefinitions: [{ attributeName: key, attributeType: 'S' }],
      gsis: [],
      lsis: [],
      ttlAttribute: null,
      streamViewType: null,
      billingMode: 'PAY_PER_REQUEST',
    });
    const pool = {
      logicalId: 'Pool',
      userPoolId: 'us-east-1_Pool',
      userPoolArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Pool',
      userPoolName: null,
      passwordPolicy: null,
      usernameAttributes: [],
      aliasAttributes: [],
      autoVerifiedAttributes: [],
      usernameCaseSensitive: null,
      selfSignUpEnabled: true,
      schema: [],
      lambdaTriggers: {},
      clients: [],
      groups: [],
    };
    const authorizer = {
      logicalId: 'Authorizer',
      functionName: 'Authorizer',
      functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:Authorizer',
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      timeoutSeconds: 3,
      memorySizeMb: 128,
      environment: {},
      code: { kind: 'inline', zipFile: 'exports.handler = async () => ({ isAuthorized: false });' },
      architectures: ['x86_64'],
      layers: [],
    };
    const searchDomains = [
      { logicalId: 'Search', kind: 'domain', name: 'search', arn: 'arn:aws:es:us-east-1:000000000000:domain/search', engineVersion: 'OpenSearch_2.17' },
    ];
    const warnings = [
      {
        code: 'UnsupportedDataSourceType',
        message: 'Data source sql (SqlSource) has type RELATIONAL_DATABASE, which Outpost Local does not run; resolvers that use it will fail.',
        stackName: 'Outpost',
      },
      {
        code: 'UnsupportedResolverRuntime',
        message: 'Resolver Query.legacy (VtlResolver) uses VTL mapping templates; Outpost Local runs APPSYNC_JS code only, so it will fail.',
        stackName: 'Outpost',
      },
      {
        code: 'AssetNotFound',
        message:
          'Resources.LostResolver.Properties.CodeS3Location names s3://somewhere-else/missing.js, which matches no file asset in the cloud assembly; the code of Resolver Query.lost (LostResolver) is left out.',
        stackName: 'Outpost',
      },
    ];
    expect(model).toEqual({
      directory: dir,
      stacks: [stack({ tables: [table('Notes', 'id'), table('NotesDelta', 'ds_pk')], userPools: [pool], graphqlApis, functions: [authorizer], searchDomains })],
      warnings,
    });
  });

  it('leaves out AppSync resources whose API is not in the stack', () => {
    const model = readFixture({
      Resources: {
        Imported: { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: 'abcdefghijklmnopqrstuvwxyz', Name: 'none', Type: 'NONE' } },
      },
    });
    expect(model).toEqual({
      directory: lastFixtureDir(),
      stacks: [stack({})],
      warnings: [
        {
          code: 'OrphanResource',
          message: 'AWS::AppSync::DataSource Imported belongs to GraphQL API abcdefghijklmnopqrstuvwxyz, which is not in this stack; it is left out.',
          stackName: 'Outpost',
        },
      ],
    });
  });
});
