// The batch loader behind Note.author, Comment.author and Membership.user. AppSync's BatchInvoke
// gathers the sibling fields of a list into one call and expects one result per payload, in order
// (https://docs.aws.amazon.com/appsync/latest/devguide/tutorial-lambda-resolvers-js.html, "Advanced use case: Batching").
import { createLogger } from '../shared/logger';
import { userIdsOf } from './batch-event';
import { dynamoDbClient } from './clients';
import { loadConfig } from './config';
import { loadProfiles, type Profile } from './load-profiles';

const logger = createLogger('user-profiles');

export async function handler(event: unknown): Promise<(Profile | null)[]> {
  const ids = userIdsOf(event);
  const { usersTable } = loadConfig();
  const profiles = await loadProfiles(ids, { client: dynamoDbClient(), tableName: usersTable});
  logger.debug('loaded profiles', { requested: ids.length, found: profiles.size });
  return ids.map((id) => profiles.get(id) ?? null);
}
