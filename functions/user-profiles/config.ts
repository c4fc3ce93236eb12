import { requiredEnv } from '../shared/config';

export interface UserProfilesConfig {
  readonly usersTable: string;
}

/** Read on each invocation's first use, never at import time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): UserProfilesConfig {
  return { usersTable: requiredEnv(env, 'USERS_TABLE') };
}
