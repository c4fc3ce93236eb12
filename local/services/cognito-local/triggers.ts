// Cognito Lambda triggers are not wired locally yet: none is enabled, so cognito-local never invokes one.
import type { Lambda } from 'cognito-local/lib/services/lambda';
import type { CryptoService } from 'cognito-local/lib/services/crypto';
import { CognitoTriggerNotSupportedError } from './errors';

export const noCognitoTriggers: Lambda = {
  enabled: () => false,
  invoke: (_ctx: unknown, trigger: string): Promise<never> => Promise.reject(new CognitoTriggerNotSupportedError(trigger)),
};

/**
 * KMS encryption only serves the CustomEmailSender trigger. Leaving cognito-local's CryptoService out also
 * keeps the AWS SDK v2 (and its end-of-support notice) from loading.
 */
export const noTriggerEncryption: CryptoService = {
  get keyringNode(): never {
    throw new CognitoTriggerNotSupportedError('CustomEmailSender');
  },
  encrypt: (): Promise<never> => Promise.reject(new CognitoTriggerNotSupportedError('CustomEmailSender')),
};
