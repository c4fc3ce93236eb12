import { localArn, nameOrLogicalId } from './arn';
import type { AttributeProvider, ResourceContext } from './local-environment';

const functionName = (resource: ResourceContext): string => nameOrLogicalId(resource, 'FunctionName');
const functionArn = (resource: ResourceContext): string =>
  localArn(resource, 'lambda', `function:${functionName(resource)}`);
const mappingArn = (resource: ResourceContext): string =>
  localArn(resource, 'lambda', `event-source-mapping:${resource.logicalId}`);

/** `FunctionName` of a version or alias: the function's name or ARN, resolved; qualified by `qualifier`. */
const qualifiedArn = (resource: ResourceContext, qualifier: string): string => {
  const target = resource.stringProperty('FunctionName') ?? '';
  const base = target.startsWith('arn:') ? target : localArn(resource, 'lambda', `function:${target}`);
  return `${base}:${qualifier}`;
};
/** Every local version is the one deployed bundle, so it is version 1. */
const versionArn = (resource: ResourceContext): string => qualifiedArn(resource, '1');
const aliasArn = (resource: ResourceContext): string => qualifiedArn(resource, resource.stringProperty('Name') ?? resource.logicalId);

// Ref returns the function name (aws-cdk-lib aws-lambda/lib/lambda.generated.js: functionRef = { functionName: this.ref }).
export const lambdaProviders: Readonly<Record<string, AttributeProvider>> = {
  'AWS::Lambda::Function': {
    ref: functionName,
    attributes: { Arn: functionArn },
  },
  // Ref returns the qualified ARN for versions and aliases (lambda.generated.js: versionRef / aliasRef).
  'AWS::Lambda::Version': {
    ref: versionArn,
    attributes: { FunctionArn: versionArn, Version: () => '1' },
  },
  'AWS::Lambda::Alias': {
    ref: aliasArn,
    attributes: { AliasArn: aliasArn },
  },
  'AWS::Lambda::EventSourceMapping': {
    ref: (resource) => resource.logicalId,
    attributes: { Id: (resource) => resource.logicalId, EventSourceMappingArn: mappingArn },
  },
};
