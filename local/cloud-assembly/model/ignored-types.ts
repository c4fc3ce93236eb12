/**
 * Resource types with no local meaning, skipped without a warning: permissions (Outpost Local does
 * not enforce IAM), log groups and retention, monitoring, CDK's own bookkeeping, Lambda
 * versions and aliases (their ARNs resolve, and lead to the one local function), and dead-letter
 * queues (a stream poller that gives up on records logs them, naming the queue they would reach in
 * the cloud). Anything not
 * listed here and not modelled gets an UnsupportedResourceType warning.
 */
export const IGNORED_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'AWS::IAM::Role',
  'AWS::IAM::Policy',
  'AWS::IAM::ManagedPolicy',
  'AWS::Lambda::Permission',
  'AWS::Lambda::Version',
  'AWS::Lambda::Alias',
  'AWS::Logs::LogGroup',
  'Custom::LogRetention',
  'AWS::CloudWatch::Alarm',
  'AWS::CloudWatch::CompositeAlarm',
  'AWS::CloudWatch::Dashboard',
  'AWS::CDK::Metadata',
  'AWS::SQS::Queue',
  'AWS::SQS::QueuePolicy',
]);

/** Custom resources run their provider function at deploy time only. */
export function isCustomResourceType(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}
