import { isObjectType, type GraphQLSchema } from 'graphql';
import type { AuthenticatedRequest } from './authenticate';
import { allowedModes, type AllowedMode } from './auth-directives';
import type { Identity } from './identity';

/**
 * Whether the caller may read `parentType.fieldName`, by AppSync's rules:
 * - the field's auth directives decide; without any, its type's decide;
 * - with none on either, only the API's default mode is allowed;
 * - `cognito_groups` admits only members of one of those groups;
 * - a field a Lambda authorizer listed in `deniedFields` is denied.
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#using-additional-authorization-modes
 * Introspection fields (`__typename`, `__schema`, `__type`) carry no directives and are always allowed.
 */
export function authorizeField(schema: GraphQLSchema, parentType: string, fieldName: string, request: AuthenticatedRequest): boolean {
  if (fieldName.startsWith('__')) return true;
  if (request.deniedFields.has(`${parentType}.${fieldName}`)) return false;
  const type = schema.getType(parentType);
  if (!isObjectType(type)) return false;
  const field = type.getFields()[fieldName];
  if (field === undefined) return false;
  const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
  const allowed = allowedModes(field.astNode?.directives ?? []) ?? allowedModes(typeDirectives);
  if (allowed === null) return request.mode === request.defaultMode;
  return allowed.some((rule) => admits(rule, request.mode, request.identity));
}

function admits(rule: AllowedMode, mode: AuthenticatedRequest['mode'], identity: Identity): boolean {
  if (rule.mode !== mode) return false;
  if (rule.groups === null) return true;
  const groups = identity !== null && 'groups' in identity ? (identity.groups ?? []) : [];
  return rule.groups.some((group) => groups.includes(group));
}
