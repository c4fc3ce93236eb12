import { SignatureError } from './errors';
import { SIGV4_ALGORITHM } from './sigv4-canonical';

export interface SigV4Authorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** True when an `Authorization` value is a SigV4 signature rather than a token. */
export function isSigV4Authorization(value: string): boolean {
  return value.startsWith(`${SIGV4_ALGORITHM} `);
}

/**
 * Reads `AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request,
 * SignedHeaders=<a;b>, Signature=<hex>`. The messages are AWS's own for incomplete signatures.
 */
export function parseSigV4Authorization(value: string): SigV4Authorization {
  const params = new Map<string, string>();
  for (const part of value.slice(SIGV4_ALGORITHM.length).split(',')) {
    const at = part.indexOf('=');
    if (at !== -1) params.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((name) => !params.has(name));
  if (missing.length > 0) {
    const required = missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' ');
    throw new SignatureError(400, 'IncompleteSignatureException', `${required} Authorization=${value}`);
  }
  const scope = params.get('Credential')!.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || scope.some((part) => part === '')) {
    throw new SignatureError(400, 'IncompleteSignatureException', `Credential should be scoped to a valid region, service and date: ${params.get('Credential')}`);
  }
  const [accessKeyId, date, region, service] = scope as [string, string, string, string, string];
  return {
    accessKeyId,
    date,
    region,
    service,
    signedHeaders: params.get('SignedHeaders')!.split(';').map((name) => name.toLowerCase()),
    signature: params.get('Signature')!,
  };
}
