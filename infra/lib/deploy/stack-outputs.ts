/**
 * The stack's outputs: the contract between the CDK app and the deploy scripts (amplify-outputs),
 * keyed by output name with each output's description.
 */
export const STACK_OUTPUTS = {
  GraphQLUrl: 'The AppSync GraphQL endpoint.',
  GraphQLApiId: 'The AppSync API id.',
  AwsRegion: 'The region the stack is deployed to.',
  UserPoolId: 'The Cognito user pool id.',
  UserPoolClientId: 'The Cognito app client id (no secret).',
  DefaultAuthorizationType: "The API's default authorization mode.",
  AdditionalAuthorizationTypes: "The API's other authorization modes, comma-separated.",
  PasswordPolicy: "The user pool's password rules, as JSON.",
  GraphQLApiKey: 'The API key, present when the schema uses @aws_api_key.',
} as const;

export type StackOutputName = keyof typeof STACK_OUTPUTS;
