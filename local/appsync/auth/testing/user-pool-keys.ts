// A user pool's signing key for tests: a real RSA key pair, its JWKS, and tokens signed with it.
import { generateKeyPairSync, sign, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface TestUserPool {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly kid: string;
  readonly jwks: { readonly keys: readonly JsonWebKey[] };
  /** Signs `payload` with this pool's key; `header` fields override the defaults (alg RS256, this kid). */
  token(payload: Record<string, unknown>, header?: Record<string, unknown>): string;
}

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(privateKey: KeyObject, header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const signingInput = `${base64Url(header)}.${base64Url(payload)}`;
  return `${signingInput}.${sign('RSA-SHA256', Buffer.from(signingInput), privateKey).toString('base64url')}`;
}

export function createTestUserPool(issuer: string, kid = 'test-key-1'): TestUserPool & { readonly privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    issuer,
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    kid,
    privateKey,
    jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] },
    token: (payload, header = {}) => signJwt(privateKey, { alg: 'RS256', kid, ...header }, payload),
  };
}
