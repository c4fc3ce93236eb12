// Step 5 of `npm start` for Cognito: the template's user pools, app clients and groups, created in
// cognito-local, found again by name on the next start. cognito-local picks its own ids, so this
// returns them as overrides for the template's `Ref`s.
import type { CognitoIdentityProviderClient, ExplicitAuthFlowsType, PasswordPolicyType } from '@aws-sdk/client-cognito-identity-provider';
import type { PasswordPolicy, UserPoolModel } from '../cloud-assembly';
import { ensureGroup, ensureUserPool, ensureUserPoolClient } from '../services/cognito-local';

export interface ProvisionedUserPool {
  readonly logicalId: string;
  readonly userPoolId: string;
  /** App client logical id → the client id cognito-local gave it. */
  readonly clientIds: Readonly<Record<string, string>>;
}

function passwordPolicy(policy: PasswordPolicy | null): PasswordPolicyType | undefined {
  if (!policy) return undefined;
  return {
    MinimumLength: policy.minimumLength ?? undefined,
    RequireLowercase: policy.requireLowercase ?? undefined,
    RequireUppercase: policy.requireUppercase ?? undefined,
    RequireNumbers: policy.requireNumbers ?? undefined,
    RequireSymbols: policy.requireSymbols ?? undefined,
    TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays ?? undefined,
  };
}

type SignInAttribute = 'email' | 'phone_number';
type AliasAttribute = SignInAttribute | 'preferred_username';

/** Pools without a name in the template are named by logical id, which stays stable across synths. */
export function localPoolName(pool: UserPoolModel): string {
  return pool.userPoolName ?? pool.logicalId;
}

export async function provisionUserPools(
  client: CognitoIdentityProviderClient,
  pools: readonly UserPoolModel[],
  log: (line: string) => void,
): Promise<ProvisionedUserPool[]> {
  const provisioned: ProvisionedUserPool[] = [];
  for (const pool of pools) {
    const { userPoolId, created } = await ensureUserPool(client, {
      name: localPoolName(pool),
      passwordPolicy: passwordPolicy(pool.passwordPolicy),
      usernameAttributes: pool.usernameAttributes as SignInAttribute[],
      aliasAttributes: pool.aliasAttributes as AliasAttribute[],
      autoVerifiedAttributes: pool.autoVerifiedAttributes as SignInAttribute[],
      adminCreateUserOnly: !pool.selfSignUpEnabled,
    });
    if (created) log(`cognito: created user pool ${localPoolName(pool)} (${userPoolId})`);
    const clientIds: Record<string, string> = {};
    for (const appClient of pool.clients) {
      const { clientId } = await ensureUserPoolClient(client, {
        userPoolId,
        name: appClient.clientName ?? appClient.logicalId,
        explicitAuthFlows: appClient.explicitAuthFlows as ExplicitAuthFlowsType[],
        generateSecret: appClient.generateSecret,
      });
      clientIds[appClient.logicalId] = clientId;
    }
    for (const group of pool.groups) {
      await ensureGroup(client, { userPoolId, name: group.groupName, description: group.description ?? undefined, precedence: group.precedence ?? undefined });
    }
    provisioned.push({ logicalId: pool.logicalId, userPoolId, clientIds });
  }
  return provisioned;
}
