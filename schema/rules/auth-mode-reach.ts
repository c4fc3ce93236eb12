import { getNamedType, isObjectType, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import { problemAt, type SchemaProblem } from '../problems';

/** The directives that name an authorization mode; `@aws_auth` is the Cognito-only form. */
const AUTH_DIRECTIVES: ReadonlySet<string> = new Set([
  'aws_api_key',
  'aws_iam',
  'aws_oidc',
  'aws_lambda',
  'aws_cognito_user_pools',
  'aws_auth',
]);

function authModes(directives: readonly ConstDirectiveNode[] | undefined): string[] {
  const names = (directives ?? []).map((directive) => directive.name.value).filter((name) => AUTH_DIRECTIVES.has(name));
  return [...new Set(names.map((name) => (name === 'aws_auth' ? 'aws_cognito_user_pools' : name)))];
}

/**
 * A field that names authorization modes (itself, or through its parent type) must return a type
 * that allows those modes too, or AppSync denies that type's fields to callers of the other modes.
 * A type without auth directives allows only the API's default mode, so it cannot serve a field
 * that names two modes or more.
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes
 */
export function checkAuthModeReach(schema: GraphQLSchema, sourceName: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const parent of Object.values(schema.getTypeMap())) {
    if (!isObjectType(parent) || parent.name.startsWith('__')) continue;
    const parentModes = authModes(parent.astNode?.directives);
    for (const field of Object.values(parent.getFields())) {
      const fieldModes = authModes(field.astNode?.directives);
      const modes = fieldModes.length > 0 ? fieldModes : parentModes;
      const target = getNamedType(field.type);
      if (modes.length === 0 || !isObjectType(target)) continue;
      const targetModes = authModes(target.astNode?.directives);
      const denied = targetModes.length > 0 ? modes.filter((mode) => !targetModes.includes(mode)) : modes.length > 1 ? modes : [];
      if (denied.length === 0) continue;
      const subject = `"${parent.name}.${field.name}" allows ${directiveList(modes)} but its type "${target.name}"`;
      const text =
        targetModes.length > 0
          ? `${subject} allows only ${directiveList(targetModes)}, so AppSync denies it to ${directiveList(denied)} callers.`
          : `${subject} has no auth directive, so it allows only the default mode: give it the modes of the fields that return it.`;
      problems.push(problemAt(field.astNode?.name, text, sourceName));
    }
  }
  return problems;
}

function directiveList(modes: readonly string[]): string {
  return modes.map((mode) => `@${mode}`).join(' ');
}
