export { startCognitoLocal } from './service';
export type { CognitoLocalHandle, CognitoLocalOptions } from './service';
export type { CognitoLogLevel } from './logger';
export { localCognitoClient } from './client';
export { ensureUserPool } from './ensure-user-pool';
export type { EnsuredUserPool, UserPoolSpec } from './ensure-user-pool';
export { ensureUserPoolClient } from './ensure-user-pool-client';
export type { EnsuredUserPoolClient, UserPoolClientSpec } from './ensure-user-pool-client';
export { ensureGroup } from './ensure-group';
export type { EnsuredGroup, GroupSpec } from './ensure-group';
export { createUser } from './create-user';
export type { CreatedUser, UserSpec } from './create-user';
export {
  AmbiguousUserPoolClientError,
  AmbiguousUserPoolError,
  CognitoLocalStartError,
  CognitoLocalStopError,
  CognitoTriggerNotSupportedError,
} from './errors';
export { ClockBridgeError } from './clock-bridge';
