import { BatchGetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { FunctionError } from '../shared/errors';

/** BatchGetItem takes at most 100 keys. */
const KEYS_PER_REQUEST = 100;
/** Unprocessed keys (throttling) are retried this many times, with doubling delays from RETRY_BASE_MS. */
const MAX_RETRIES = 5;
const RETRY_BASE_MS = 50;

export type Profile = Record<string, unknown> & { readonly id: string };

/** DynamoDB kept returning unprocessed keys after every retry. */
export class ProfilesUnavailableError extends FunctionError {
  readonly errorType = 'ProfilesUnavailable';
}

export interface LoadOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The stored profiles among `ids`, by id; missing ones are absent. Expired ones are hidden by the
 * resolvers, which read the API's clock (lib/users.ts, liveProfile).
 */
export async function loadProfiles(ids: readonly string[], options: LoadOptions): Promise<Map<string, Profile>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Profile>();
  for (let start = 0; start < unique.length; start += KEYS_PER_REQUEST) {
    const items = await batchGet(unique.slice(start, start + KEYS_PER_REQUEST), options);
    for (const item of items) found.set(item.id, item);
  }
  return found;
}

async function batchGet(ids: readonly string[], options: LoadOptions): Promise<Profile[]> {
  const items: Profile[] = [];
  let keys = ids.map((id) => marshall({ id }));
  for (let attempt = 0; keys.length > 0; attempt += 1) {
    if (attempt > MAX_RETRIES) throw new ProfilesUnavailableError(`DynamoDB left ${keys.length} profile(s) unprocessed after ${MAX_RETRIES} retries.`);
    if (attempt > 0) await (options.sleep ?? wait)(RETRY_BASE_MS * 2 ** (attempt - 1));
    const output = await options.client.send(new BatchGetItemCommand({ RequestItems: { [options.tableName]: { Keys: keys } } }));
    items.push(...(output.Responses?.[options.tableName] ?? []).map((item) => unmarshall(item) as Profile));
    keys = output.UnprocessedKeys?.[options.tableName]?.Keys ?? [];
  }
  return items;
}
