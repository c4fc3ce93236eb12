// Finds the user pool by name, or creates it: safe to run on every start against the same data dir.
import {
  CreateUserPoolCommand,
  ListUserPoolsCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolCommandInput,
  type PasswordPolicyType,
  type SchemaAttributeType,
  type UserPoolDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import { AmbiguousUserPoolError } from './errors';

export interface UserPoolSpec {
  name: string;
  passwordPolicy?: PasswordPolicyType;
  /** e.g. ['email']: users sign in with their email and get a generated username. */
  usernameAttributes?: ('email' | 'phone_number')[];
  aliasAttributes?: ('email' | 'phone_number' | 'preferred_username')[];
  autoVerifiedAttributes?: ('email' | 'phone_number')[];
  /** Standard attribute overrides and custom attributes, as in CreateUserPool. */
  schema?: SchemaAttributeType[];
  /** Only administrators create users (no self sign-up). */
  adminCreateUserOnly?: boolean;
}

export interface EnsuredUserPool {
  userPoolId: string;
  created: boolean;
}

async function listAllUserPools(client: CognitoIdentityProviderClient): Promise<UserPoolDescriptionType[]> {
  const pools: UserPoolDescriptionType[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }));
    pools.push(...(page.UserPools ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return pools;
}

export function createUserPoolInput(spec: UserPoolSpec): CreateUserPoolCommandInput {
  return {
    PoolName: spec.name,
    Policies: spec.passwordPolicy ? { PasswordPolicy: spec.passwordPolicy } : undefined,
    UsernameAttributes: spec.usernameAttributes,
    AliasAttributes: spec.aliasAttributes,
    AutoVerifiedAttributes: spec.autoVerifiedAttributes,
    Schema: spec.schema,
    AdminCreateUserConfig: spec.adminCreateUserOnly === undefined ? undefined : { AllowAdminCreateUserOnly: spec.adminCreateUserOnly },
  };
}

/**
 * Pool ids are random, so the pool is found again by its name (cognito-local keeps one JSON file per pool
 * in the data dir, and lists them all on start). An existing pool is reused as it is.
 */
export async function ensureUserPool(client: CognitoIdentityProviderClient, spec: UserPoolSpec): Promise<EnsuredUserPool> {
  const matches = (await listAllUserPools(client)).filter((pool) => pool.Name === spec.name);
  if (matches.length > 1) throw new AmbiguousUserPoolError(spec.name, matches.map((pool) => pool.Id ?? '?'));
  const existing = matches[0]?.Id;
  if (existing) return { userPoolId: existing, created: false };
  const created = await client.send(new CreateUserPoolCommand(createUserPoolInput(spec)));
  return { userPoolId: created.UserPool?.Id as string, created: true };
}
