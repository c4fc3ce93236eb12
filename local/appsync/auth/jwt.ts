import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { decodeBase64Url } from './base64url';

export type JsonObject = Record<string, unknown>;

/** A compact JWS split into its parts; nothing in it is trusted yet. */
export interface ParsedJwt {
  readonly header: JsonObject;
  readonly payload: JsonObject;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/** The token is not a compact JWS with JSON header and payload. */
export class JwtFormatError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'JwtFormatError';
  }
}

export function parseJwt(token: string): ParsedJwt {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtFormatError(`a JWT has 3 dot-separated parts, this token has ${parts.length}`);
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  try {
    return {
      header: jsonObject(decodeBase64Url(headerPart), 'header'),
      payload: jsonObject(decodeBase64Url(payloadPart), 'payload'),
      signingInput: `${headerPart}.${payloadPart}`,
      signature: decodeBase64Url(signaturePart),
    };
  } catch (error) {
    if (error instanceof JwtFormatError) throw error;
    throw new JwtFormatError(`the JWT does not decode: ${(error as Error).message}`, { cause: error });
  }
}

function jsonObject(bytes: Buffer, part: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new JwtFormatError(`the JWT ${part} is not JSON`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JwtFormatError(`the JWT ${part} is not a JSON object`);
  return value as JsonObject;
}

/** True when `jwt` carries a valid RS256 signature by `jwk`. Only RS256 is accepted: Cognito signs with it. */
export function hasValidRs256Signature(jwt: ParsedJwt, jwk: JsonWebKey): boolean {
  if (jwt.header.alg !== 'RS256' || jwk.kty !== 'RSA') return false;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('RSA-SHA256', Buffer.from(jwt.signingInput, 'ascii'), key, jwt.signature);
}
