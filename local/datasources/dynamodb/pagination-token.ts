// nextToken: opaque to the client and bound to the operation, table and index that issued it.
// AppSync encrypts its tokens and refuses them elsewhere ("these pagination tokens cannot be used
// across different functions or resolvers",
// https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-query.html).
// Outpost Local only obfuscates (base64 JSON); what matters locally is the same refusal.
import { toItem, toTypedJsonItem, type Item } from './attribute-values';
import { DataSourceError } from './errors';
import { isRecord, type JsonRecord } from './request/fields';

const TOKEN_VERSION = 1;

/**
 * The error AppSync gives for a token it cannot use, as seen in
 * https://github.com/aws-amplify/amplify-hosting/issues/433.
 */
export function invalidTokenError(cause?: unknown): DataSourceError {
  return new DataSourceError(
    'DynamoDB:UserIllegalArgumentException',
    'com.amazonaws.deepdish.common.pagination.InvalidPaginationTokenException: Invalid pagination token given.',
    undefined,
    { cause },
  );
}

/** Encodes `state` (plain JSON) for `scope`. */
export function encodeToken(scope: string, state: JsonRecord): string {
  return Buffer.from(JSON.stringify({ version: TOKEN_VERSION, scope, state }), 'utf8').toString('base64');
}

/** Decodes a token issued for `scope`; any other string is AppSync's invalid-token error. */
export function decodeToken(token: string, scope: string): JsonRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch (error) {
    throw invalidTokenError(error);
  }
  if (!isRecord(parsed) || parsed.version !== TOKEN_VERSION || parsed.scope !== scope || !isRecord(parsed.state)) {
    throw invalidTokenError();
  }
  return parsed.state;
}

/** A LastEvaluatedKey as token state. */
export const keyState = (key: Item): JsonRecord => toTypedJsonItem(key);

/** Token state back to an ExclusiveStartKey. */
export function stateKey(state: unknown): Item {
  if (!isRecord(state)) throw invalidTokenError();
  try {
    return toItem(state, '$[nextToken]');
  } catch (error) {
    throw invalidTokenError(error);
  }
}

/** The scope of a Query or Scan token. */
export const pageScope = (operation: string, tableName: string, index: string | undefined): string =>
  `${operation}:${tableName}:${index ?? ''}`;

/** nextToken for a page that stopped at `lastEvaluatedKey`, or null after the last page. */
export function pageToken(scope: string, lastEvaluatedKey: Item | undefined): string | null {
  return lastEvaluatedKey === undefined ? null : encodeToken(scope, { key: keyState(lastEvaluatedKey) });
}

/** ExclusiveStartKey for a nextToken from the request, if any. */
export function startKey(scope: string, nextToken: string | undefined): Item | undefined {
  return nextToken === undefined ? undefined : stateKey(decodeToken(nextToken, scope).key);
}
