import { requiredEnv } from '../shared/config';
import { ConfigurationError } from '../shared/errors';

/** What the user-expiry function reads from its environment (set by infra/lib/user-expiry). */
export interface UserExpiryConfig {
  readonly handlesTable: string;
  readonly devicesTable: string;
  readonly membershipsTable: string;
  readonly spacesTable: string;
  readonly notesTable: string;
  readonly commentsTable: string;
  /** Where AppSync logs note changes for delta sync; this function logs its own changes there too. */
  readonly notesDeltaSyncTable: string;
  /** How long a delta record lives (the data source's DeltaSyncTableTTL), in minutes. */
  readonly notesDeltaSyncTtlMinutes: number;
  readonly userPoolId: string;
}

/** Reads and validates the configuration; called once per cold start, never at import time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): UserExpiryConfig {
  const ttl = requiredEnv(env, 'NOTES_DELTA_SYNC_TTL_MINUTES');
  const minutes = Number(ttl);
  if (!/^\d+$/.test(ttl) || minutes < 1) {
    throw new ConfigurationError(`NOTES_DELTA_SYNC_TTL_MINUTES must be a whole number of minutes, at least 1 (received "${ttl}").`);
  }
  return {
    handlesTable: requiredEnv(env, 'HANDLES_TABLE'),
    devicesTable: requiredEnv(env, 'DEVICES_TABLE'),
    membershipsTable: requiredEnv(env, 'MEMBERSHIPS_TABLE'),
    spacesTable: requiredEnv(env, 'SPACES_TABLE'),
    notesTable: requiredEnv(env, 'NOTES_TABLE'),
    commentsTable: requiredEnv(env, 'COMMENTS_TABLE'),
    notesDeltaSyncTable: requiredEnv(env, 'NOTES_DELTA_SYNC_TABLE'),
    notesDeltaSyncTtlMinutes: minutes,
    userPoolId: requiredEnv(env, 'USER_POOL_ID'),
  };
}
