import { localArn, nameOrLogicalId } from './arn';
import type { AttributeProvider, ResourceContext } from './local-environment';

/** A pool id in the AWS form `<region>_<suffix>`; the logical id is a valid, stable suffix. */
const userPoolId = (resource: ResourceContext): string => `${resource.pseudo.region}_${resource.logicalId}`;
const providerName = (resource: ResourceContext): string =>
  `cognito-idp.${resource.pseudo.region}.${resource.pseudo.urlSuffix}/${userPoolId(resource)}`;

// Ref semantics from aws-cdk-lib aws-cognito/lib/cognito.generated.js: userPoolRef.userPoolId,
// userPoolClientRef.clientId and userPoolGroupRef.groupName are all `this.ref`.
export const cognitoProviders: Readonly<Record<string, AttributeProvider>> = {
  'AWS::Cognito::UserPool': {
    ref: userPoolId,
    attributes: {
      UserPoolId: userPoolId,
      Arn: (resource) => localArn(resource, 'cognito-idp', `userpool/${userPoolId(resource)}`),
      ProviderName: providerName,
      ProviderURL: (resource) => `https://${providerName(resource)}`,
    },
  },
  'AWS::Cognito::UserPoolClient': {
    ref: (resource) => resource.logicalId,
    attributes: {
      ClientId: (resource) => resource.logicalId,
      Name: (resource) => nameOrLogicalId(resource, 'ClientName'),
    },
  },
  'AWS::Cognito::UserPoolGroup': {
    ref: (resource) => nameOrLogicalId(resource, 'GroupName'),
    attributes: {},
  },
};
