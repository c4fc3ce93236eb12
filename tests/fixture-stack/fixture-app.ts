// A small CDK app that uses every data source type and fault Outpost Local must handle, beyond the
// DynamoDB-only wiring of the real app. The whole-stack tests synthesize it and run it with
// `startStack({ cloudAssemblyDir })`.
import * as path from 'node:path';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';

export interface FixtureAppProps {
  /** Where the cloud assembly is written. */
  readonly outDir: string;
  /**
   * Scheme, host and port of a server the caller runs: the HTTP data source's endpoint, and where
   * the stream function reports what it was delivered (`POST /stream-sink`).
   */
  readonly httpEndpoint: string;
}

/** The Lambda timeout of the `slow` function, in seconds. */
export const SLOW_FUNCTION_TIMEOUT_SECONDS = 1;
/** The maxBatchSize of the `Item.detail` BatchInvoke resolver. */
export const DETAIL_MAX_BATCH_SIZE = 2;

const resolverCode = (file: string) => appsync.Code.fromAsset(path.join(__dirname, 'resolvers', file));

function fixtureFunction(stack: Stack, id: string, folder: string, props: Partial<lambda.FunctionProps> = {}): lambda.Function {
  return new lambda.Function(stack, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromAsset(path.join(__dirname, 'functions', folder)),
    ...props,
  });
}

/** Synthesizes the fixture app and returns the cloud assembly directory. */
export function synthesizeFixtureApp(props: FixtureAppProps): string {
  const app = new App({ outdir: props.outDir });
  const stack = new Stack(app, 'OutpostFixture');

  const pool = new cognito.UserPool(stack, 'Users', { removalPolicy: RemovalPolicy.DESTROY });
  pool.addClient('TestClient', { authFlows: { userPassword: true } });

  const authorizer = fixtureFunction(stack, 'Authorizer', 'authorizer');
  const api = new appsync.GraphqlApi(stack, 'Api', {
    name: 'outpost-fixture',
    definition: appsync.Definition.fromFile(path.join(__dirname, 'schema.graphql')),
    authorizationConfig: {
      defaultAuthorization: { authorizationType: appsync.AuthorizationType.USER_POOL, userPoolConfig: { userPool: pool } },
      additionalAuthorizationModes: [
        { authorizationType: appsync.AuthorizationType.API_KEY },
        { authorizationType: appsync.AuthorizationType.LAMBDA, lambdaAuthorizerConfig: { handler: authorizer, resultsCacheTtl: Duration.seconds(0) } },
      ],
    },
  });
  const unit = (id: string, typeName: string, fieldName: string, dataSource: appsync.BaseDataSource, file: string, extra: { maxBatchSize?: number } = {}) =>
    dataSource.createResolver(id, { typeName, fieldName, runtime: appsync.FunctionRuntime.JS_1_0_0, code: resolverCode(file), ...extra });

  const none = api.addNoneDataSource('NoneSource');
  unit('NoneEcho', 'Query', 'noneEcho', none, 'none-echo.js');
  unit('Items', 'Query', 'items', none, 'items.js');
  unit('Spin', 'Query', 'spin', none, 'spin.js');
  unit('WhoAmI', 'Query', 'whoAmI', none, 'who-am-i.js');
  unit('OnLabelledPut', 'Subscription', 'onLabelledPut', none, 'on-labelled-put.js');
  unit('CloseKind', 'Mutation', 'closeKind', none, 'close-kind.js');

  const lambdaSource = (id: string, fn: lambda.IFunction) => api.addLambdaDataSource(id, fn);
  unit('LambdaEcho', 'Query', 'lambdaEcho', lambdaSource('EchoSource', fixtureFunction(stack, 'Echo', 'echo')), 'lambda-invoke.js');
  unit('LambdaFail', 'Query', 'lambdaFail', lambdaSource('FailSource', fixtureFunction(stack, 'Fail', 'fail')), 'lambda-invoke.js');
  const slow = fixtureFunction(stack, 'Slow', 'slow', { timeout: Duration.seconds(SLOW_FUNCTION_TIMEOUT_SECONDS) });
  unit('LambdaSlow', 'Query', 'lambdaSlow', lambdaSource('SlowSource', slow), 'lambda-invoke.js');
  const batch = lambdaSource('BatchSource', fixtureFunction(stack, 'Batch', 'batch'));
  unit('ItemDetail', 'Item', 'detail', batch, 'lambda-batch.js', { maxBatchSize: DETAIL_MAX_BATCH_SIZE });

  unit('HttpGet', 'Query', 'httpGet', api.addHttpDataSource('HttpSource', props.httpEndpoint), 'http-get.js');

  const step = (id: string, file: string) =>
    new appsync.AppsyncFunction(stack, id, { api, dataSource: none, name: id, runtime: appsync.FunctionRuntime.JS_1_0_0, code: resolverCode(file) });
  new appsync.Resolver(stack, 'Pipeline', {
    api,
    typeName: 'Query',
    fieldName: 'pipeline',
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: resolverCode('pipeline-before-after.js'),
    pipelineConfig: [step('Double', 'pipeline-double.js'), step('Increment', 'pipeline-increment.js')],
  });

  const records = new dynamodb.Table(stack, 'Records', {
    partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    stream: dynamodb.StreamViewType.NEW_IMAGE,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const recordsSource = api.addDynamoDbDataSource('RecordsSource', records);
  unit('Record', 'Query', 'record', recordsSource, 'get-record.js');
  unit('PutRecord', 'Mutation', 'putRecord', recordsSource, 'put-record.js');

  const sink = fixtureFunction(stack, 'StreamSink', 'stream-sink', { environment: { SINK_URL: `${props.httpEndpoint}/stream-sink` } });
  sink.addEventSource(
    new DynamoEventSource(records, {
      startingPosition: lambda.StartingPosition.TRIM_HORIZON,
      batchSize: 10,
      filters: [
        lambda.FilterCriteria.filter({
          eventName: lambda.FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { kind: { S: lambda.FilterRule.isEqual('keep') } } },
        }),
      ],
    }),
  );

  return app.synth().directory;
}
