import type { ResourceContext } from './local-environment';

/** An ARN in the local account and region: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function localArn(resource: ResourceContext, service: string, path: string): string {
  const { partition, region, accountId } = resource.pseudo;
  return `arn:${partition}:${service}:${region}:${accountId}:${path}`;
}

/** IAM ARNs carry no region. */
export function globalArn(resource: ResourceContext, service: string, path: string): string {
  const { partition, accountId } = resource.pseudo;
  return `arn:${partition}:${service}::${accountId}:${path}`;
}

/** Physical names CloudFormation would generate are replaced by the logical id, which is stable locally. */
export function nameOrLogicalId(resource: ResourceContext, property: string): string {
  return resource.stringProperty(property) ?? resource.logicalId;
}
