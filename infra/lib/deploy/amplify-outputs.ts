import type { PasswordRules } from '../auth/user-pool';
import { STACK_OUTPUTS, type StackOutputName } from './stack-outputs';

// The Amplify Gen 2 client configuration, version "1", as defined by the JSON schema in
// aws-amplify/amplify-backend: packages/client-config/src/client-config-schema/schema_v1.json
// (https://amplify.aws/2024-02/outputs-schema.json). Only the parts this backend fills are typed.

export type AppSyncAuthorizationType = 'AMAZON_COGNITO_USER_POOLS' | 'API_KEY' | 'AWS_IAM' | 'AWS_LAMBDA' | 'OPENID_CONNECT';

const AUTHORIZATION_TYPES: readonly AppSyncAuthorizationType[] = [
  'AMAZON_COGNITO_USER_POOLS',
  'API_KEY',
  'AWS_IAM',
  'AWS_LAMBDA',
  'OPENID_CONNECT',
];

export interface AmplifyOutputs {
  version: '1';
  auth: {
    aws_region: string;
    user_pool_id: string;
    user_pool_client_id: string;
    password_policy: {
      min_length: number;
      require_numbers: boolean;
      require_lowercase: boolean;
      require_uppercase: boolean;
      require_symbols: boolean;
    };
    standard_required_attributes: string[];
    username_attributes: string[];
    user_verification_types: string[];
    mfa_configuration: 'NONE' | 'OPTIONAL' | 'REQUIRED';
    mfa_methods: string[];
  };
  data: {
    aws_region: string;
    url: string;
    api_key?: string;
    default_authorization_type: AppSyncAuthorizationType;
    authorization_types: AppSyncAuthorizationType[];
  };
}

/** Stack outputs that cannot make an amplify_outputs.json; the message names what is missing or wrong. */
export class StackOutputsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StackOutputsError';
  }
}

/** The file `cdk deploy --outputs-file` writes: stack name → output name → value. */
export type CdkOutputsFile = Record<string, Record<string, string>>;

const REQUIRED_OUTPUTS: readonly StackOutputName[] = (Object.keys(STACK_OUTPUTS) as StackOutputName[]).filter(
  (name) => name !== 'GraphQLApiKey',
);

/**
 * Picks the Outpost stack's outputs from a `cdk deploy --outputs-file` file. Without a stack name the
 * file must hold exactly one stack.
 */
export function selectStackOutputs(file: CdkOutputsFile, stackName?: string): Record<string, string> {
  const stacks = Object.keys(file);
  const name = stackName ?? (stacks.length === 1 ? stacks[0] : undefined);
  if (name === undefined) {
    throw new StackOutputsError(
      `The outputs file holds ${stacks.length} stacks (${stacks.join(', ') || 'none'}): name one with --stack.`,
    );
  }
  const outputs = file[name];
  if (outputs === undefined) {
    throw new StackOutputsError(`The outputs file has no stack "${name}": it holds ${stacks.join(', ') || 'none'}.`);
  }
  return outputs;
}

/** Converts the stack's outputs into the amplify_outputs.json the Amplify v6 client configures itself from. */
export function toAmplifyOutputs(outputs: Readonly<Record<string, string>>): AmplifyOutputs {
  const missing = REQUIRED_OUTPUTS.filter((name) => outputs[name] === undefined);
  if (missing.length > 0) {
    throw new StackOutputsError(
      `The stack outputs lack ${missing.join(', ')}: deploy the Outpost stack with --outputs-file and pass that file.`,
    );
  }
  const region = outputs.AwsRegion;
  const rules = parsePasswordRules(outputs.PasswordPolicy);
  const additional = outputs.AdditionalAuthorizationTypes === '' ? [] : outputs.AdditionalAuthorizationTypes.split(',');
  const data: AmplifyOutputs['data'] = {
    aws_region: region,
    url: outputs.GraphQLUrl,
    default_authorization_type: authorizationType(outputs.DefaultAuthorizationType),
    authorization_types: additional.map(authorizationType),
  };
  if (outputs.GraphQLApiKey !== undefined) data.api_key = outputs.GraphQLApiKey;
  return {
    version: '1',
    auth: {
      aws_region: region,
      user_pool_id: outputs.UserPoolId,
      user_pool_client_id: outputs.UserPoolClientId,
      password_policy: {
        min_length: rules.minLength,
        require_numbers: rules.requireDigits,
        require_lowercase: rules.requireLowercase,
        require_uppercase: rules.requireUppercase,
        require_symbols: rules.requireSymbols,
      },
      // The user pool signs in with a verified email and requires no MFA (see infra/lib/auth/user-pool.ts).
      standard_required_attributes: ['email'],
      username_attributes: ['email'],
      user_verification_types: ['email'],
      mfa_configuration: 'NONE',
      mfa_methods: [],
    },
    data,
  };
}

function parsePasswordRules(json: string): PasswordRules {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new StackOutputsError(`PasswordPolicy is not JSON (received ${JSON.stringify(json)}).`, { cause: error });
  }
  const rules = value as Partial<Record<keyof PasswordRules, unknown>> | null;
  if (
    typeof rules !== 'object' ||
    rules === null ||
    typeof rules.minLength !== 'number' ||
    typeof rules.requireLowercase !== 'boolean' ||
    typeof rules.requireUppercase !== 'boolean' ||
    typeof rules.requireDigits !== 'boolean' ||
    typeof rules.requireSymbols !== 'boolean'
  ) {
    throw new StackOutputsError(
      `PasswordPolicy must hold minLength (number) and requireLowercase, requireUppercase, requireDigits, requireSymbols (booleans); received ${json}.`,
    );
  }
  return rules as PasswordRules;
}

function authorizationType(value: string): AppSyncAuthorizationType {
  const match = AUTHORIZATION_TYPES.find((type) => type === value);
  if (match === undefined) {
    throw new StackOutputsError(
      `Unknown AppSync authorization type ${JSON.stringify(value)}: expected one of ${AUTHORIZATION_TYPES.join(', ')}.`,
    );
  }
  return match;
}
