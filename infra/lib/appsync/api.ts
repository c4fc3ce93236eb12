import * as fs from 'node:fs';
import * as path from 'node:path';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AppsyncFunction,
  AuthorizationType,
  CfnGraphQLApi,
  Code,
  Definition,
  FieldLogLevel,
  FunctionRuntime,
  GraphqlApi,
  IntrospectionConfig,
  Resolver,
  type AuthorizationMode,
  type BaseDataSource,
} from 'aws-cdk-lib/aws-appsync';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TableName } from '../data/table-definitions';
import { RESOLVERS_DIR, SCHEMA_FILE } from '../paths';
import { OutpostApiConfigError } from './api-config-error';
import { bundleResolver } from './bundle-resolver';
import { checkResolverTargets } from './check-resolver-targets';
import { addDataSources, tableEnvironmentVariables } from './data-sources';
import { discoverResolvers, type ResolverSpec } from './resolver-layout';
import { objectFields, parseSchema, usesDirective } from './schema-fields';

/** Pipeline resolvers without their own resolver.ts pass the last function's result through. */
const PASS_THROUGH_PIPELINE = path.join(RESOLVERS_DIR, 'lib', 'pass-through-pipeline.ts');

/** AppSync's accepted ranges for the GraphQL API limits (CloudFormation AWS::AppSync::GraphQLApi). */
const QUERY_DEPTH_RANGE = { min: 1, max: 75 };
const RESOLVER_COUNT_RANGE = { min: 1, max: 10000 };

export interface OutpostApiProps {
  /**
   * The API's name in the AppSync console.
   * @default 'Outpost'
   */
  readonly apiName?: string;
  /** The user pool behind the default (Cognito) authorization mode. */
  readonly userPool: IUserPool;
  /** The domain tables; each becomes a DynamoDB data source of the same name. */
  readonly tables: Readonly<Record<TableName, Table>>;
  /**
   * The delta sync tables of the versioned tables (see TableDefinition.versioned).
   * @default none, which fails for a versioned table
   */
  readonly deltaSyncTables?: Readonly<Partial<Record<TableName, Table>>>;
  /**
   * The AppSync SDL file, deployed as-is.
   * @default schema/schema.graphql
   */
  readonly schemaFile?: string;
  /**
   * The folder of APPSYNC_JS resolvers, wired to fields by file layout.
   * @default resolvers/
   */
  readonly resolversDir?: string;
  /**
   * Whether clients may introspect the schema.
   * @default false
   */
  readonly introspection?: boolean;
  /**
   * Deepest allowed nesting of a query (1–75).
   * @default 10
   */
  readonly queryDepthLimit?: number;
  /**
   * Most resolvers one request may invoke (1–10000).
   * @default 1000
   */
  readonly resolverCountLimit?: number;
  /**
   * Field-level logging detail.
   * @default FieldLogLevel.ERROR
   */
  readonly fieldLogLevel?: FieldLogLevel;
  /**
   * How long the API's CloudWatch logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * What happens to the API's log group when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Extra AppSync environment variables (ctx.env) besides the table names.
   * @default none
   */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /**
   * Lambda functions that resolve fields, by data source name (what resolvers give on their
   * `// @dataSource` line), e.g. `{ SearchNotesFunction: fn }`.
   * @default none
   */
  readonly lambdaDataSources?: Readonly<Record<string, IFunction>>;
}

/**
 * The AppSync GraphQL API: the schema file as-is, Cognito by default plus IAM (and an API key when the
 * schema uses @aws_api_key), limits, logging, X-Ray, one data source per table and every resolver
 * found in resolvers/.
 */
export class OutpostApi extends Construct {
  readonly api: GraphqlApi;
  readonly dataSources: Readonly<Record<string, BaseDataSource>>;
  readonly defaultAuthorizationType: AuthorizationType = AuthorizationType.USER_POOL;
  readonly additionalAuthorizationTypes: readonly AuthorizationType[];
  readonly resolvers: readonly ResolverSpec[];

  constructor(scope: Construct, id: string, props: OutpostApiProps) {
    super(scope, id);
    const queryDepthLimit = checkRange('queryDepthLimit', props.queryDepthLimit ?? 10, QUERY_DEPTH_RANGE);
    const resolverCountLimit = checkRange('resolverCountLimit', props.resolverCountLimit ?? 1000, RESOLVER_COUNT_RANGE);
    const schemaFile = props.schemaFile ?? SCHEMA_FILE;
    const resolversDir = props.resolversDir ?? RESOLVERS_DIR;
    const schemaSource = path.basename(schemaFile);
    const schema = parseSchema(fs.readFileSync(schemaFile, 'utf8'), schemaSource);

    const additional: AuthorizationMode[] = [{ authorizationType: AuthorizationType.IAM }];
    if (usesDirective(schema, 'aws_api_key')) additional.push({ authorizationType: AuthorizationType.API_KEY });
    this.additionalAuthorizationTypes = additional.map((mode) => mode.authorizationType);

    const loggingRole = new Role(this, 'LoggingRole', {
      assumedBy: new ServicePrincipal('appsync.amazonaws.com'),
      description: 'Lets AppSync write the API field logs to CloudWatch.',
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSAppSyncPushToCloudWatchLogs')],
    });

    this.api = new GraphqlApi(this, 'Api', {
      name: props.apiName ?? 'Outpost',
      definition: Definition.fromFile(schemaFile),
      authorizationConfig: {
        defaultAuthorization: {
          authorizationType: AuthorizationType.USER_POOL,
          userPoolConfig: { userPool: props.userPool },
        },
        additionalAuthorizationModes: additional,
      },
      introspectionConfig: props.introspection ? IntrospectionConfig.ENABLED : IntrospectionConfig.DISABLED,
      queryDepthLimit,
      resolverCountLimit,
      xrayEnabled: true,
      environmentVariables: { ...tableEnvironmentVariables(props.tables), ...props.environmentVariables },
    });

    // Set on the L1 resource: the L2 logConfig adds a LogRetention custom resource (a Lambda function)
    // only to set the retention, which the log group below sets directly.
    (this.api.node.defaultChild as CfnGraphQLApi).logConfig = {
      cloudWatchLogsRoleArn: loggingRole.roleArn,
      fieldLogLevel: props.fieldLogLevel ?? FieldLogLevel.ERROR,
      excludeVerboseContent: false,
    };
    // AppSync writes to /aws/appsync/apis/<apiId>; owning that group gives it a retention and a removal policy.
    new LogGroup(this, 'LogGroup', {
      logGroupName: `/aws/appsync/apis/${this.api.apiId}`,
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });

    this.dataSources = addDataSources(this.api, props.tables, props.deltaSyncTables ?? {}, props.lambdaDataSources ?? {});
    this.resolvers = discoverResolvers(resolversDir);
    checkResolverTargets(this.resolvers, objectFields(schema), schemaSource, Object.keys(this.dataSources));
    for (const spec of this.resolvers) this.wireResolver(spec);

    Validations.of(loggingRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs]',
      reason:
        'AWSAppSyncPushToCloudWatchLogs is the policy AWS publishes for exactly this role; a hand-written policy could not name the log group, whose name holds the API id (a dependency cycle).',
    });
  }

  private wireResolver(spec: ResolverSpec): void {
    const field = `${spec.typeName}.${spec.fieldName}`;
    const runtime = FunctionRuntime.JS_1_0_0;
    if (spec.kind === 'unit') {
      new Resolver(this, `Resolver.${field}`, {
        api: this.api,
        typeName: spec.typeName,
        fieldName: spec.fieldName,
        dataSource: this.dataSources[spec.dataSource],
        maxBatchSize: spec.maxBatchSize,
        runtime,
        code: Code.fromInline(bundleResolver(spec.entryFile)),
      });
      return;
    }
    const functions = spec.functions.map(
      (fn) =>
        new AppsyncFunction(this, `Function.${field}.${fn.name}`, {
          api: this.api,
          name: `${spec.typeName}_${spec.fieldName}_${fn.name.replace(/-/g, '_')}`,
          dataSource: this.dataSources[fn.dataSource],
          maxBatchSize: fn.maxBatchSize,
          runtime,
          code: Code.fromInline(bundleResolver(fn.entryFile)),
        }),
    );
    new Resolver(this, `Resolver.${field}`, {
      api: this.api,
      typeName: spec.typeName,
      fieldName: spec.fieldName,
      pipelineConfig: functions,
      runtime,
      code: Code.fromInline(bundleResolver(spec.entryFile ?? PASS_THROUGH_PIPELINE)),
    });
  }
}

function checkRange(name: string, value: number, range: { min: number; max: number }): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new OutpostApiConfigError(
      `Invalid ${name} ${value}: expected a whole number from ${range.min} to ${range.max}.`,
    );
  }
  return value;
}
