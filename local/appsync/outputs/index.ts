export { buildAmplifyOutputs } from './amplify-outputs';
export type {
  AmplifyOutputs,
  AmplifyOutputsInput,
  AppSyncAuthorizationType,
  DemoUser,
  MfaConfiguration,
  MfaMethod,
  PasswordPolicy,
  UsernameAttribute,
  UserPoolOutputsInput,
  VerificationType,
} from './amplify-outputs';
export { writeAmplifyOutputs } from './write-amplify-outputs';
export { formatReadyBanner } from './banner';
export type { ReadyBannerInput } from './banner';
export { AmplifyOutputsInputError, AmplifyOutputsWriteError } from './errors';
