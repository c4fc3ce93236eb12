// A stand-in for the auth layer in real-time tests: `x-api-key: good-key` is API_KEY,
// `Authorization: user:<sub>[:<exp seconds>]` a user pool user; anything else is refused the way the
// Authenticator refuses it.
import { UnauthorizedError, type AuthenticatedRequest, type AuthRequest } from '../../appsync/auth';

export const API_KEY = 'good-key';

export function userToken(sub: string, expiresAtMs?: number): string {
  return expiresAtMs === undefined ? `user:${sub}` : `user:${sub}:${expiresAtMs / 1000}`;
}

/** Authenticates like the real layer would for these fake credentials; records every request in `seen` when given. */
export function fakeAuthenticate(seen?: AuthRequest[]): (request: AuthRequest) => Promise<AuthenticatedRequest> {
  return async (request) => {
    seen?.push(request);
    const headers = Object.fromEntries(Object.entries(request.headers).map(([key, value]) => [key.toLowerCase(), String(value)]));
    const base = { defaultMode: 'AMAZON_COGNITO_USER_POOLS' as const, deniedFields: new Set<string>() };
    if (headers['x-api-key'] === API_KEY) return { ...base, mode: 'API_KEY', identity: null };
    const [scheme, sub, exp] = (headers.authorization ?? '').split(':');
    if (scheme === 'user' && sub) {
      const claims = exp === undefined ? { sub } : { sub, exp: Number(exp) };
      return {
        ...base,
        mode: 'AMAZON_COGNITO_USER_POOLS',
        identity: { sub, issuer: 'local', username: sub, claims, sourceIp: [request.sourceIp], defaultAuthStrategy: 'ALLOW', groups: null },
      };
    }
    throw new UnauthorizedError('Valid authorization header not provided.');
  };
}
