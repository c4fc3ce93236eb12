import type { AuthConfig } from './config';

/**
 * A Lambda authorizer's `deniedFields` as `Type.field` names. Each entry is `Type.field` or a full
 * field ARN, `arn:aws:appsync:<region>:<account>:apis/<apiId>/types/<Type>/fields/<field>`; an ARN
 * of another API does not apply to this one.
 * https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization
 */
export function deniedFieldSet(deniedFields: readonly string[], api: Pick<AuthConfig, 'region' | 'accountId' | 'apiId'>): ReadonlySet<string> {
  const prefix = `arn:aws:appsync:${api.region}:${api.accountId}:apis/${api.apiId}/types/`;
  const names = new Set<string>();
  for (const entry of deniedFields) {
    if (!entry.startsWith('arn:')) {
      names.add(entry);
      continue;
    }
    const match = entry.startsWith(prefix) ? /^([^/]+)\/fields\/([^/]+)$/.exec(entry.slice(prefix.length)) : null;
    if (match !== null) names.add(`${match[1]}.${match[2]}`);
  }
  return names;
}
