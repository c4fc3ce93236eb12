import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { createLocalEnvironment } from './environment/local-environment';
import { readCloudAssembly } from './read-cloud-assembly';

// The shapes here are what aws-cdk-lib really synthesizes: the bootstrap-bucket `Fn::Sub` in
// CodeS3Location and Lambda Code, asset manifests per stack, a nested assembly per Stage, the
// Custom::LogRetention provider function, and DynamoEventSource's EventSourceMapping.
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'outpost-cdk-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function synthesize(): string {
  const src = join(work, 'src');
  mkdirSync(join(src, 'cleanup'), { recursive: true });
  writeFileSync(join(src, 'getNote.js'), 'export function request(ctx) { return { operation: "GetItem" }; }\nexport function response(ctx) { return ctx.result; }\n');
  writeFileSync(join(src, 'schema.graphql'), 'type Note { id: ID! }\ntype Query { note(id: ID!): Note }\n');
  writeFileSync(join(src, 'cleanup', 'index.js'), 'exports.handler = async () => ({ batchItemFailures: [] });\n');

  const app = new App({ outdir: join(work, 'cdk.out') });
  const stack = new Stack(new Stage(app, 'Dev'), 'Notebook');
  const notes = new dynamodb.Table(stack, 'Notes', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    stream: dynamodb.StreamViewType.OLD_IMAGE,
    timeToLiveAttribute: 'expiresAt',
  });
  const pool = new cognito.UserPool(stack, 'Pool', { signInAliases: { email: true }, passwordPolicy: { minLength: 12 } });
  pool.addClient('Mobile', { authFlows: { userSrp: true } });
  const api = new appsync.GraphqlApi(stack, 'Api', {
    name: 'notebook',
    definition: appsync.Definition.fromFile(join(src, 'schema.graphql')),
    authorizationConfig: { defaultAuthorization: { authorizationType: appsync.AuthorizationType.USER_POOL, userPoolConfig: { userPool: pool } } },
    environmentVariables: { NOTES_TABLE: notes.tableName },
  });
  const source = api.addDynamoDbDataSource('NotesSource', notes);
  const getNote = new appsync.AppsyncFunction(stack, 'GetNote', {
    api,
    dataSource: source,
    name: 'getNote',
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: appsync.Code.fromAsset(join(src, 'getNote.js')),
  });
  new appsync.Resolver(stack, 'NoteResolver', {
    api,
    typeName: 'Query',
    fieldName: 'note',
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: appsync.Code.fromInline('export function request() { return {}; }\nexport function response(ctx) { return ctx.prev.result; }'),
    pipelineConfig: [getNote],
  });
  const cleanup = new lambda.Function(stack, 'Cleanup', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(join(src, 'cleanup')),
    environment: { NOTES_TABLE: notes.tableName, GRAPHQL_URL: api.graphqlUrl },
  });
  cleanup.addEventSource(
    new DynamoEventSource(notes, {
      startingPosition: lambda.StartingPosition.LATEST,
      filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('REMOVE') })],
    }),
  );
  return app.synth().directory;
}

/** An asset file or directory in the root cloud assembly (CDK keeps a stage's assets there too). */
const assetIn = (directory: string, extension: string): unknown =>
  expect.stringMatching(new RegExp(`^${directory.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/asset\\.[0-9a-f]{64}${extension.replace('.', '\\.')}$`));

describe('readCloudAssembly on a synthesized CDK app', () => {
  it("reads a stage's stack: table, pool, API with an asset-backed function, Lambda asset and stream mapping", () => {
    const directory = synthesize();
    const model = readCloudAssembly(directory, createLocalEnvironment({ endpoints: { graphqlUrl: 'http://localhost:20002/graphql' } }));
    const jsRuntime = { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };
    const notesStream = 'arn:aws:dynamodb:us-east-1:000000000000:table/Notes5BB3582F/stream/1970-01-01T00:00:00.000';
    expect(model).toEqual({
      directory,
      stacks: [
        {
          stackName: 'Dev-Notebook',
          tables: [
            {
              logicalId: 'Notes5BB3582F',
              tableName: 'Notes5BB3582F',
              tableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/Notes5BB3582F',
              streamArn: notesStream,
              keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
              attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
              gsis: [],
              lsis: [],
              ttlAttribute: 'expiresAt',
              streamViewType: 'OLD_IMAGE',
              billingMode: 'PAY_PER_REQUEST',
            },
          ],
          userPools: [
            {
              logicalId: 'PoolD3F588B8',
              userPoolId: 'us-east-1_PoolD3F588B8',
              userPoolArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_PoolD3F588B8',
              userPoolName: null,
              passwordPolicy: {
                minimumLength: 12,
                requireLowercase: null,
                requireUppercase: null,
                requireNumbers: null,
                requireSymbols: null,
                temporaryPasswordValidityDays: null,
              },
              usernameAttributes: ['email'],
              aliasAttributes: [],
              autoVerifiedAttributes: ['email'],
              usernameCaseSensitive: null,
              selfSignUpEnabled: false,
              schema: [],
              lambdaTriggers: {},
              clients: [
                {
                  logicalId: 'PoolMobile4311D218',
                  clientId: 'PoolMobile4311D218',
                  clientName: null,
                  explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
                  generateSecret: false,
                  accessTokenValidity: null,
                  idTokenValidity: null,
                  refreshTokenValidity: null,
                  tokenValidityUnits: {},
                  readAttributes: [],
                  writeAttributes: [],
                },
              ],
              groups: [],
            },
          ],
          graphqlApis: [
            {
              logicalId: 'ApiF70053CD',
              name: 'notebook',
              apiId: 'apif70053cd',
              arn: 'arn:aws:appsync:us-east-1:000000000000:apis/apif70053cd',
              defaultAuthMode: {
                authenticationType: 'AMAZON_COGNITO_USER_POOLS',
                userPoolConfig: { userPoolId: 'us-east-1_PoolD3F588B8', awsRegion: 'us-east-1', appIdClientRegex: null, defaultAction: 'ALLOW' },
                openIdConnectConfig: null,
                lambdaAuthorizerConfig: null,
              },
              additionalAuthModes: [],
              logConfig: null,
              xrayEnabled: false,
              queryDepthLimit: 0,
              resolverCountLimit: 0,
              introspectionConfig: 'ENABLED',
              visibility: 'GLOBAL',
              environmentVariables: { NOTES_TABLE: 'Notes5BB3582F' },
              schema: { logicalId: 'ApiSchema510EECD7', definition: 'type Note { id: ID! }\ntype Query { note(id: ID!): Note }\n', definitionPath: null },
              apiKeys: [],
              dataSources: [
                {
                  logicalId: 'ApiNotesSource75E15950',
                  name: 'NotesSource',
                  description: null,
                  type: 'AMAZON_DYNAMODB',
                  dynamodb: {
                    tableName: 'Notes5BB3582F',
                    tableLogicalId: 'Notes5BB3582F',
                    awsRegion: 'us-east-1',
                    useCallerCredentials: false,
                    versioned: false,
                    deltaSyncConfig: null,
                  },
                },
              ],
              resolvers: [
                {
                  logicalId: 'NoteResolver2AEB5099',
                  typeName: 'Query',
                  fieldName: 'note',
                  kind: 'PIPELINE',
                  dataSourceName: null,
                  pipelineFunctionIds: ['GetNoteBAC675B8'],
                  cachingConfig: null,
                  runtime: jsRuntime,
                  code: 'export function request() { return {}; }\nexport function response(ctx) { return ctx.prev.result; }',
                  codePath: null,
                  requestMappingTemplate: null,
                  responseMappingTemplate: null,
                  maxBatchSize: null,
                  syncConfig: null,
                },
              ],
              functions: [
                {
                  logicalId: 'GetNoteBAC675B8',
                  name: 'getNote',
                  functionId: 'GetNoteBAC675B8',
                  dataSourceName: 'NotesSource',
                  description: null,
                  runtime: jsRuntime,
                  code: 'export function request(ctx) { return { operation: "GetItem" }; }\nexport function response(ctx) { return ctx.result; }\n',
                  codePath: assetIn(directory, '.js'),
                  requestMappingTemplate: null,
                  responseMappingTemplate: null,
                  maxBatchSize: null,
                  syncConfig: null,
                },
              ],
            },
          ],
          functions: [
            {
              logicalId: 'CleanupD4E4842E',
              functionName: 'CleanupD4E4842E',
              functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:CleanupD4E4842E',
              handler: 'index.handler',
              runtime: 'nodejs22.x',
              timeoutSeconds: 3,
              memorySizeMb: 128,
              environment: { NOTES_TABLE: 'Notes5BB3582F', GRAPHQL_URL: 'http://localhost:20002/graphql' },
              code: { kind: 'asset', asset: { assetHash: expect.stringMatching(/^[0-9a-f]{64}$/), path: assetIn(directory, ''), packaging: 'zip' } },
              architectures: ['x86_64'],
              layers: [],
            },
          ],
          eventSourceMappings: [
            {
              logicalId: 'CleanupDynamoDBEventSourceDevNotebookNotesA920FAD6ED04996A',
              functionName: 'CleanupD4E4842E',
              functionLogicalId: 'CleanupD4E4842E',
              eventSourceArn: notesStream,
              tableLogicalId: 'Notes5BB3582F',
              enabled: true,
              filters: [{ pattern: { eventName: ['REMOVE'] } }],
              batchSize: 100,
              startingPosition: 'LATEST',
              maximumBatchingWindowInSeconds: 0,
              maximumRetryAttempts: -1,
              maximumRecordAgeInSeconds: -1,
              bisectBatchOnFunctionError: false,
              parallelizationFactor: 1,
              functionResponseTypes: [],
              onFailureDestination: null,
            },
          ],
          searchDomains: [],
        },
      ],
      warnings: [],
    });
  });
});
