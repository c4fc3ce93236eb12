import type { LocalAsset } from '../asset-index';
import { findAssetByUrl, type ResourceInput } from './model-context';

export type LambdaCode =
  | { readonly kind: 'asset'; readonly asset: LocalAsset }
  | { readonly kind: 'inline'; readonly zipFile: string };

/** `AWS::Lambda::Function`, as a local worker runs it. */
export interface LambdaFunctionModel {
  readonly logicalId: string;
  readonly functionName: string;
  readonly functionArn: string;
  readonly handler: string | null;
  readonly runtime: string | null;
  readonly timeoutSeconds: number;
  readonly memorySizeMb: number;
  /** Environment variables with intrinsics resolved to local values. */
  readonly environment: Readonly<Record<string, string>>;
  /** Null when the code cannot be run locally; a warning says why. */
  readonly code: LambdaCode | null;
  readonly architectures: readonly string[];
  readonly layers: readonly string[];
}

export function buildLambdaFunctionModel(input: ResourceInput): LambdaFunctionModel {
  const { properties, logicalId, context } = input;
  const functionName = String(context.resolver.resolve({ Ref: logicalId }, `Resources.${logicalId}`));
  return {
    logicalId,
    functionName,
    functionArn: String(context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] }, `Resources.${logicalId}`)),
    handler: properties.string('Handler') ?? null,
    runtime: properties.string('Runtime') ?? null,
    // Defaults: 3 seconds and 128 MB (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html).
    timeoutSeconds: properties.number('Timeout') ?? 3,
    memorySizeMb: properties.number('MemorySize') ?? 128,
    environment: properties.object('Environment')?.object('Variables')?.stringEntries() ?? {},
    code: lambdaCode(input, `Lambda function ${functionName} (${logicalId})`),
    architectures: properties.strings('Architectures') ?? ['x86_64'],
    layers: properties.strings('Layers') ?? [],
  };
}

function lambdaCode(input: ResourceInput, label: string): LambdaCode | null {
  const code = input.properties.object('Code');
  const zipFile = code?.string('ZipFile');
  if (zipFile !== undefined) return { kind: 'inline', zipFile };
  const bucket = code?.string('S3Bucket');
  const key = code?.string('S3Key');
  if (bucket !== undefined && key !== undefined) {
    const asset = findAssetByUrl(input.context, `s3://${bucket}/${key}`, `${input.properties.path}.Code`, `the code of ${label}`);
    return asset === undefined ? null : { kind: 'asset', asset };
  }
  const what = code?.has('ImageUri') === true ? 'a container image' : 'no ZipFile or S3 code';
  input.context.warnings.add('UnsupportedLambdaCode', `${label} has ${what}; Outpost Local runs zip and inline code only, so it is not started.`);
  return null;
}
