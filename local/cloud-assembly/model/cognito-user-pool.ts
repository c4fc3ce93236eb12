import type { ResourceInput } from './model-context';

export interface PasswordPolicy {
  readonly minimumLength: number | null;
  readonly requireLowercase: boolean | null;
  readonly requireUppercase: boolean | null;
  readonly requireNumbers: boolean | null;
  readonly requireSymbols: boolean | null;
  readonly temporaryPasswordValidityDays: number | null;
}

export interface SchemaAttribute {
  readonly name: string;
  readonly attributeDataType: string | null;
  readonly mutable: boolean | null;
  readonly required: boolean | null;
}

export interface UserPoolClientModel {
  readonly logicalId: string;
  readonly clientId: string;
  readonly clientName: string | null;
  readonly explicitAuthFlows: readonly string[];
  readonly generateSecret: boolean;
  readonly accessTokenValidity: number | null;
  readonly idTokenValidity: number | null;
  readonly refreshTokenValidity: number | null;
  readonly tokenValidityUnits: Readonly<Record<string, string>>;
  readonly readAttributes: readonly string[];
  readonly writeAttributes: readonly string[];
}

export interface UserPoolGroupModel {
  readonly logicalId: string;
  readonly groupName: string;
  readonly description: string | null;
  readonly precedence: number | null;
  readonly roleArn: string | null;
}

/** `AWS::Cognito::UserPool` with its clients and groups, as cognito-local creates them. */
export interface UserPoolModel {
  readonly logicalId: string;
  readonly userPoolId: string;
  readonly userPoolArn: string;
  readonly userPoolName: string | null;
  /** Null when the template sets no policy, so Cognito's default policy applies. */
  readonly passwordPolicy: PasswordPolicy | null;
  readonly usernameAttributes: readonly string[];
  readonly aliasAttributes: readonly string[];
  readonly autoVerifiedAttributes: readonly string[];
  readonly usernameCaseSensitive: boolean | null;
  /** `AdminCreateUserConfig.AllowAdminCreateUserOnly` negated; sign-up is open unless the template closes it. */
  readonly selfSignUpEnabled: boolean;
  readonly schema: readonly SchemaAttribute[];
  /** Trigger name (`PreSignUp`, `PostConfirmation`, …) → the Lambda function ARN it invokes. */
  readonly lambdaTriggers: Readonly<Record<string, string>>;
  readonly clients: readonly UserPoolClientModel[];
  readonly groups: readonly UserPoolGroupModel[];
}

/** The string-valued triggers of `LambdaConfig` (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cognito-userpool-lambdaconfig.html). */
const LAMBDA_TRIGGERS = [
  'CreateAuthChallenge',
  'CustomMessage',
  'DefineAuthChallenge',
  'PostAuthentication',
  'PostConfirmation',
  'PreAuthentication',
  'PreSignUp',
  'PreTokenGeneration',
  'UserMigration',
  'VerifyAuthChallengeResponse',
] as const;

/** Triggers configured as objects, with versions or KMS keys, that the local model does not carry. */
const OBJECT_TRIGGERS = ['PreTokenGenerationConfig', 'CustomEmailSender', 'CustomSMSSender'] as const;

export function buildUserPoolModel(
  input: ResourceInput,
  clients: readonly UserPoolClientModel[],
  groups: readonly UserPoolGroupModel[],
): UserPoolModel {
  const { properties, logicalId, context } = input;
  const policy = properties.object('Policies')?.object('PasswordPolicy');
  const lambdaConfig = properties.object('LambdaConfig');
  const lambdaTriggers: Record<string, string> = {};
  for (const trigger of LAMBDA_TRIGGERS) {
    const arn = lambdaConfig?.string(trigger);
    if (arn !== undefined) lambdaTriggers[trigger] = arn;
  }
  for (const config of OBJECT_TRIGGERS) {
    if (lambdaConfig?.has(config) === true) {
      context.warnings.add('UnsupportedProperty', `${lambdaConfig.path}.${config} is not modelled; Outpost Local does not run that trigger.`);
    }
  }
  return {
    logicalId,
    userPoolId: String(context.resolver.resolve({ Ref: logicalId }, `Resources.${logicalId}`)),
    userPoolArn: String(context.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] }, `Resources.${logicalId}`)),
    userPoolName: properties.string('UserPoolName') ?? null,
    passwordPolicy:
      policy === undefined
        ? null
        : {
            minimumLength: policy.number('MinimumLength') ?? null,
            requireLowercase: policy.boolean('RequireLowercase') ?? null,
            requireUppercase: policy.boolean('RequireUppercase') ?? null,
            requireNumbers: policy.boolean('RequireNumbers') ?? null,
            requireSymbols: policy.boolean('RequireSymbols') ?? null,
            temporaryPasswordValidityDays: policy.number('TemporaryPasswordValidityDays') ?? null,
          },
    usernameAttributes: properties.strings('UsernameAttributes') ?? [],
    aliasAttributes: properties.strings('AliasAttributes') ?? [],
    autoVerifiedAttributes: properties.strings('AutoVerifiedAttributes') ?? [],
    usernameCaseSensitive: properties.object('UsernameConfiguration')?.boolean('CaseSensitive') ?? null,
    selfSignUpEnabled: properties.object('AdminCreateUserConfig')?.boolean('AllowAdminCreateUserOnly') !== true,
    schema: properties.objects('Schema').flatMap((attribute) => {
      const name = attribute.string('Name');
      if (name === undefined) return [];
      return [
        {
          name,
          attributeDataType: attribute.string('AttributeDataType') ?? null,
          mutable: attribute.boolean('Mutable') ?? null,
          required: attribute.boolean('Required') ?? null,
        },
      ];
    }),
    lambdaTriggers,
    clients,
    groups,
  };
}
