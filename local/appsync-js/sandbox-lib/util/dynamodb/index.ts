// util.dynamodb: helpers that turn resolver values into DynamoDB typed values.
// https://docs.aws.amazon.com/appsync/latest/devguide/dynamodb-helpers-in-util-dynamodb-js.html

import type { SandboxHost } from '../../host';
import { type AttributeMap, type AttributeValue, isPlainObject, toAttributeMap, toAttributeValue, toListValues } from './attribute-values';
import { fromS3ObjectJson, type S3ObjectPointer, toS3ObjectJson } from './s3-object';

export type { AttributeMap, AttributeValue } from './attribute-values';

export interface DynamoDbUtil {
  toDynamoDB(value: unknown): AttributeValue | null;
  toString(value: unknown): { S: string } | null;
  toStringSet(values: unknown): { SS: string[] } | null;
  toNumber(value: unknown): { N: number } | null;
  toNumberSet(values: unknown): { NS: number[] } | null;
  toBinary(value: unknown): { B: string } | null;
  toBinarySet(values: unknown): { BS: string[] } | null;
  toBoolean(value: unknown): { BOOL: boolean } | null;
  toNull(): { NULL: null };
  toList(values: unknown): { L: AttributeValue[] } | null;
  toMap(record: unknown): { M: AttributeMap } | null;
  toMapValues(record: unknown): AttributeMap | null;
  toS3Object(key: string, bucket: string, region: string, version?: string): { S: string };
  fromS3ObjectJson(json: string): S3ObjectPointer;
}

// The typed helpers wrap what they are given without checking its type, like AppSync's: only a
// missing value (null or undefined) gives null.
const isMissing = (value: unknown): value is null | undefined => value === null || value === undefined;

export function createDynamoDbUtil(_host: SandboxHost): DynamoDbUtil {
  return {
    toDynamoDB: (value) => toAttributeValue(value),
    toString: (value) => (isMissing(value) ? null : { S: value as string }),
    toStringSet: (values) => (isMissing(values) ? null : { SS: values as string[] }),
    toNumber: (value) => (isMissing(value) ? null : { N: value as number }),
    toNumberSet: (values) => (isMissing(values) ? null : { NS: values as number[] }),
    toBinary: (value) => (isMissing(value) ? null : { B: value as string }),
    toBinarySet: (values) => (isMissing(values) ? null : { BS: values as string[] }),
    toBoolean: (value) => (isMissing(value) ? null : { BOOL: value as boolean }),
    toNull: () => ({ NULL: null }),
    toList: (values) => (Array.isArray(values) ? { L: toListValues(values) } : null),
    toMap: (record) => (isPlainObject(record) ? { M: toAttributeMap(record) } : null),
    toMapValues: (record) => (isPlainObject(record) ? toAttributeMap(record) : null),
    toS3Object: (key, bucket, region, version) => ({ S: toS3ObjectJson(key, bucket, region, version) }),
    fromS3ObjectJson: (json) => fromS3ObjectJson(json),
  };
}
