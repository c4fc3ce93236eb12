// amplify_outputs.json for the running stack, from the template's API and user pool.
import type { GraphqlApiModel, UserPoolModel } from '../cloud-assembly';
import { buildAmplifyOutputs, type AmplifyOutputs, type DemoUser } from '../appsync/outputs';

type SignInAttribute = 'email' | 'phone_number';

export interface OutputsInput {
  readonly region: string;
  readonly api: GraphqlApiModel;
  readonly httpsUrl: string;
  readonly httpUrl: string;
  readonly userPool?: { readonly model: UserPoolModel; readonly clientId: string; readonly endpoint: string };
  readonly caCertificatePath: string;
  readonly demoUsers: readonly DemoUser[];
}

export function stackOutputs(input: OutputsInput): AmplifyOutputs {
  const policy = input.userPool?.model.passwordPolicy;
  const pool = input.userPool;
  return buildAmplifyOutputs({
    region: input.region,
    api: {
      httpsUrl: input.httpsUrl,
      httpUrl: input.httpUrl,
      defaultAuthorizationType: input.api.defaultAuthMode.authenticationType,
      additionalAuthorizationTypes: input.api.additionalAuthModes.map((mode) => mode.authenticationType),
      apiKey: input.api.apiKeys[0]?.apiKey,
    },
    userPool: pool && {
      userPoolId: pool.model.userPoolId,
      userPoolClientId: pool.clientId,
      endpoint: pool.endpoint,
      // Cognito's default policy applies where the template sets none
      // (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-policies.html).
      passwordPolicy: {
        minLength: policy?.minimumLength ?? 8,
        requireNumbers: policy?.requireNumbers ?? true,
        requireLowercase: policy?.requireLowercase ?? true,
        requireUppercase: policy?.requireUppercase ?? true,
        requireSymbols: policy?.requireSymbols ?? true,
      },
      standardRequiredAttributes: pool.model.schema.filter((attribute) => attribute.required).map((attribute) => attribute.name),
      usernameAttributes: pool.model.usernameAttributes.length > 0 ? (pool.model.usernameAttributes as SignInAttribute[]) : ['username'],
      userVerificationTypes: pool.model.autoVerifiedAttributes as SignInAttribute[],
    },
    caCertificatePath: input.caCertificatePath,
    demoUsers: input.demoUsers,
  });
}
