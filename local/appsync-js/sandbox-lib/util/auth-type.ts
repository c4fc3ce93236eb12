// util.authType(): the request's authorization mode, in the words AppSync uses for it.
import type { AuthMode, SandboxHost } from '../host';

const AUTH_TYPE_NAMES: Readonly<Record<AuthMode, string>> = {
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
};

/** Thrown when util.authType() is called outside a request, where no auth mode is known. */
export class NoAuthModeError extends Error {
  constructor() {
    super('util.authType() has no authorization mode: the evaluation was not started for a request');
    this.name = 'NoAuthModeError';
  }
}

export function authType(host: SandboxHost): string {
  const mode = host.state().authMode;
  if (mode === undefined) throw new NoAuthModeError();
  return AUTH_TYPE_NAMES[mode];
}
