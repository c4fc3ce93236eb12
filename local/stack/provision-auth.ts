// Step 5 of `npm start` for Cognito: the template's user pools, app clients and groups, created in
// cognito-local, found again by name on the next start. cognito-local picks its own ids, so this
// returns them as overrides for the template's `Ref`s.
import type { CognitoIdentityProviderClient, ExplicitAuthFlowsType, PasswordPolicyType, TimeUnitsType } from '@aws-sdk/client-cognito-identity-provider';
import type { PasswordPolicy, UserPoolClientModel, UserPoolModel } from '../cloud-assembly';
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

/**
 * The template's token lifetimes, or Cognito's defaults where it sets none: 60 minutes for ID and
 * access tokens, 30 days for refresh tokens (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html).
 */
export function tokenValidity(appClient: UserPoolClientModel) {
  const units = appClient.tokenValidityUnits;
  return {
    idTokenValidity: appClient.idTokenValidity ?? 60,
    accessTokenValidity: appClient.accessTokenValidity ?? 60,
    refreshTokenValidity: appClient.refreshTokenValidity ?? 30,
    tokenValidityUnits: {
      IdToken: (appClient.idTokenValidity === null ? 'minutes' : (units.IdToken ?? 'hours')) as TimeUnitsType,
      AccessToken: (appClient.accessTokenValidity === null ? 'minutes' : (units.AccessToken ?? 'hours')) as TimeUnitsType,
      RefreshToken: (appClient.refreshTokenValidity === null ? 'days' : (units.RefreshToken ?? 'days')) as TimeUnitsType,
    },
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
        ...tokenValidity(appClient),
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
