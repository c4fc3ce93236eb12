// The auth directives on a type or field, read from the SDL.
// https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes
import { valueFromASTUntyped, type ConstDirectiveNode } from 'graphql';
import type { AuthenticationType } from './config';

/** One mode a directive allows; `groups` limits a user pool mode to members of those Cognito groups. */
export interface AllowedMode {
  readonly mode: AuthenticationType;
  readonly groups: readonly string[] | null;
}

const DIRECTIVE_MODES: Readonly<Record<string, AuthenticationType>> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  // The older form for APIs whose only mode is a user pool; allowed on Query, Mutation and
  // Subscription fields, which the schema validator checks.
  aws_auth: 'AMAZON_COGNITO_USER_POOLS',
};

/** The modes `directives` allow, or null when none of them is an auth directive. */
export function allowedModes(directives: readonly ConstDirectiveNode[]): readonly AllowedMode[] | null {
  const allowed: AllowedMode[] = [];
  for (const directive of directives) {
    const mode = DIRECTIVE_MODES[directive.name.value];
    if (mode === undefined) continue;
    const groupsArgument = directive.arguments?.find((argument) => argument.name.value === 'cognito_groups');
    const groups = groupsArgument === undefined ? null : valueFromASTUntyped(groupsArgument.value);
    allowed.push({ mode, groups: Array.isArray(groups) ? groups.map(String) : null });
  }
  return allowed.length === 0 ? null : allowed;
}
