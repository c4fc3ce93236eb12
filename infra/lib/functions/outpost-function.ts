import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { FUNCTIONS_DIR } from '../paths';

export interface OutpostFunctionProps {
  /** The folder under functions/ whose `handler.ts` exports `handler`, e.g. 'search-notes'. */
  readonly folder: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /**
   * Environment variables; table names and endpoints, never secrets.
   * @default none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * How long the function's logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * What happens to the function's log group when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A Lambda handler from functions/<folder>/handler.ts, bundled by esbuild on this machine (no Docker)
 * with its dependencies included, so the asset Outpost Local runs is the one that deploys.
 */
export class OutpostFunction extends Construct {
  readonly function: NodejsFunction;
  /** The function's role: grants go here (least privilege, one role per function). */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: OutpostFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // Its own role instead of AWSLambdaBasicExecutionRole: it may write to its own log group only.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com'), description: props.description });
    logGroup.grantWrite(this.role);
    this.function = new NodejsFunction(this, 'Function', {
      role: this.role,
      entry: path.join(FUNCTIONS_DIR, props.folder, 'handler.ts'),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout ?? Duration.seconds(10),
      memorySize: props.memorySize ?? 256,
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        // Everything is bundled, the AWS SDK too: the version that was tested is the one that runs.
        bundleAwsSDK: true,
        format: OutputFormat.CJS,
        // Outpost Local runs the same bundle on the Node.js it runs on (20 or later).
        target: 'node20',
        minify: true,
        sourceMap: true,
        forceDockerBundling: false,
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which take no resource ARN.',
    });
  }
}
