import { globalArn, localArn, nameOrLogicalId } from './arn';
import type { AttributeProvider, ResourceContext } from './local-environment';

/**
 * Resources Outpost Local does not run but whose names and ARNs other resources quote, e.g. a role
 * ARN in a log config or a dead-letter queue in an event source mapping's DestinationConfig.
 */
const roleName = (resource: ResourceContext): string => nameOrLogicalId(resource, 'RoleName');
const queueName = (resource: ResourceContext): string => nameOrLogicalId(resource, 'QueueName');
const topicName = (resource: ResourceContext): string => nameOrLogicalId(resource, 'TopicName');
const topicArn = (resource: ResourceContext): string => localArn(resource, 'sns', topicName(resource));
const logGroupName = (resource: ResourceContext): string => nameOrLogicalId(resource, 'LogGroupName');

export const supportProviders: Readonly<Record<string, AttributeProvider>> = {
  'AWS::IAM::Role': {
    ref: roleName,
    attributes: {
      Arn: (resource) => globalArn(resource, 'iam', `role/${roleName(resource)}`),
      RoleId: (resource) => resource.logicalId,
    },
  },
  'AWS::SQS::Queue': {
    ref: (resource) =>
      `https://sqs.${resource.pseudo.region}.${resource.pseudo.urlSuffix}/${resource.pseudo.accountId}/${queueName(resource)}`,
    attributes: {
      Arn: (resource) => localArn(resource, 'sqs', queueName(resource)),
      QueueName: queueName,
    },
  },
  // A function's LoggingConfig names its log group; locally its logs go to Outpost Local's output.
  'AWS::Logs::LogGroup': {
    ref: logGroupName,
    attributes: { Arn: (resource) => localArn(resource, 'logs', `log-group:${logGroupName(resource)}:*`) },
  },
  'AWS::SNS::Topic': {
    ref: topicArn,
    attributes: { TopicArn: topicArn, TopicName: topicName },
  },
};
