// The S3 object convention of util.dynamodb: a pointer to an S3 object stored as a JSON string
// attribute, { "s3": { "key", "bucket", "region", "version"? } }.

import { isPlainObject } from './attribute-values';

export interface S3ObjectPointer {
  key: string;
  bucket: string;
  region: string;
  version?: string;
}

/** Thrown when fromS3ObjectJson receives a string that is not an S3 object pointer. */
export class S3ObjectJsonError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'S3ObjectJsonError';
  }
}

export function toS3ObjectJson(key: string, bucket: string, region: string, version?: string): string {
  const s3: S3ObjectPointer = version === undefined ? { key, bucket, region } : { key, bucket, region, version };
  return JSON.stringify({ s3 });
}

export function fromS3ObjectJson(json: string): S3ObjectPointer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new S3ObjectJsonError(`fromS3ObjectJson expects the JSON string of an S3 object, received ${JSON.stringify(json)}`, { cause: error });
  }
  const s3 = isPlainObject(parsed) ? parsed.s3 : undefined;
  if (!isPlainObject(s3) || typeof s3.key !== 'string' || typeof s3.bucket !== 'string' || typeof s3.region !== 'string') {
    throw new S3ObjectJsonError(`fromS3ObjectJson expects { "s3": { "key", "bucket", "region" } }, received ${json}`);
  }
  const pointer: S3ObjectPointer = { key: s3.key, bucket: s3.bucket, region: s3.region };
  if (typeof s3.version === 'string') pointer.version = s3.version;
  return pointer;
}
