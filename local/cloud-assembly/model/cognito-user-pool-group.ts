import type { UserPoolGroupModel } from './cognito-user-pool';
import type { ResourceInput } from './model-context';

/** `AWS::Cognito::UserPoolGroup`; a group without `GroupName` is named by its logical id locally. */
export function buildUserPoolGroupModel(input: ResourceInput): UserPoolGroupModel {
  const { properties, logicalId, context } = input;
  return {
    logicalId,
    groupName: String(context.resolver.resolve({ Ref: logicalId }, `Resources.${logicalId}`)),
    description: properties.string('Description') ?? null,
    precedence: properties.number('Precedence') ?? null,
    roleArn: properties.string('RoleArn') ?? null,
  };
}
