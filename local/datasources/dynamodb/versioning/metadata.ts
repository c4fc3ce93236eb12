// Versioned data sources: the metadata AppSync keeps on each item and the version check of
// conflict detection VERSION with conflict handler NONE.
// https://docs.aws.amazon.com/appsync/latest/devguide/versioned-data-sources.html
// https://docs.aws.amazon.com/appsync/latest/devguide/conflict-detection-and-resolution.html
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { toJsonItemOrNull, type Item } from '../attribute-values';
import { DataSourceError, MalformedRequestError } from '../errors';
import type { ExpressionSection } from '../request/expressions';
import { optionalInteger, type JsonRecord } from '../request/fields';

export const METADATA_FIELDS = ['_version', '_lastChangedAt', '_deleted', '_ttl'] as const;

// Placeholders of the expressions the data source adds; `__` keeps them apart from a resolver's own.
export const VERSION = '#__version';
export const LAST_CHANGED_AT = '#__lastChangedAt';
export const DELETED = '#__deleted';
export const TTL = '#__ttl';
export const METADATA_NAMES: Record<string, string> = {
  [VERSION]: '_version',
  [LAST_CHANGED_AT]: '_lastChangedAt',
  [DELETED]: '_deleted',
  [TTL]: '_ttl',
};

/** "Client tries to update metadata fields" is AppSync's BadRequest (conflict-detection-and-resolution, Errors). */
export function rejectMetadataWrites(names: Iterable<string>): void {
  const touched = [...names].filter((name) => (METADATA_FIELDS as readonly string[]).includes(name));
  if (touched.length > 0) {
    throw new DataSourceError(
      'BadRequest',
      `The metadata field(s) ${touched.join(', ')} of a versioned data source are managed by AppSync and cannot be written.`,
    );
  }
}

/** `_version` of the request: the version of the item the client last saw. */
export function readExpectedVersion(request: JsonRecord): number | undefined {
  return optionalInteger(request, '_version', '$');
}

/** `_version` on a data source without versioning is a request AppSync cannot use. */
export function rejectVersionOnPlainSource(request: JsonRecord): void {
  if (request._version !== undefined) {
    throw new MalformedRequestError("'$[_version]' is only supported on versioned data sources.");
  }
}

export const versionOf = (item: Item): number | undefined => (item._version?.N === undefined ? undefined : Number(item._version.N));

export const numberValue = (value: number): AttributeValue => ({ N: String(value) });

/** The key attributes under placeholders, for attribute_exists / attribute_not_exists. */
export function keyPlaceholders(key: Item): Record<string, string> {
  return Object.fromEntries(Object.keys(key).map((name, index) => [`#__key${index}`, name]));
}

/**
 * The guard of a write: the item must not exist yet, or must still be at the version the client
 * saw. With no `_version` only a new item may be written; an existing one is a conflict.
 */
export function versionGuard(key: Item, expected: number | undefined): ExpressionSection {
  const absent = `attribute_not_exists(${Object.keys(keyPlaceholders(key))[0]})`;
  return {
    expression: expected === undefined ? absent : `${absent} OR ${VERSION} = :__expectedVersion`,
    names: { ...keyPlaceholders(key), ...(expected === undefined ? {} : { [VERSION]: '_version' }) },
    values: expected === undefined ? {} : { ':__expectedVersion': numberValue(expected) },
  };
}

/** The item on the server is at another version than the client saw: AppSync's ConflictUnhandled. */
export function conflictError(current: Item, cause?: unknown): DataSourceError {
  // The message AppSync returns, e.g. in aws-amplify/amplify-android's AppSync conflict tests.
  return new DataSourceError('ConflictUnhandled', 'Conflict resolver rejects mutation.', toJsonItemOrNull(current), { cause });
}
