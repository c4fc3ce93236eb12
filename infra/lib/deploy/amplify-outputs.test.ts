import { StackOutputsError, selectStackOutputs, toAmplifyOutputs } from './amplify-outputs';

// What `cdk deploy -c stage=dev --outputs-file cdk-outputs.json` writes for the Outpost stack.
const outputs = {
  GraphQLUrl: 'https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql',
  GraphQLApiId: 'abc123',
  AwsRegion: 'eu-west-1',
  UserPoolId: 'eu-west-1_AbCdEf123',
  UserPoolClientId: '1example23456789',
  DefaultAuthorizationType: 'AMAZON_COGNITO_USER_POOLS',
  AdditionalAuthorizationTypes: 'AWS_IAM,API_KEY',
  PasswordPolicy: '{"minLength":8,"requireLowercase":true,"requireUppercase":true,"requireDigits":true,"requireSymbols":false}',
  GraphQLApiKey: 'da2-exampleapikey',
};

describe('toAmplifyOutputs', () => {
  // Shape per the Amplify Gen 2 outputs schema, version "1":
  // aws-amplify/amplify-backend packages/client-config/src/client-config-schema/schema_v1.json
  it('writes the auth and data sections of amplify_outputs.json', () => {
    expect(toAmplifyOutputs(outputs)).toEqual({
      version: '1',
      auth: {
        aws_region: 'eu-west-1',
        user_pool_id: 'eu-west-1_AbCdEf123',
        user_pool_client_id: '1example23456789',
        password_policy: {
          min_length: 8,
          require_numbers: true,
          require_lowercase: true,
          require_uppercase: true,
          require_symbols: false,
        },
        standard_required_attributes: ['email'],
        username_attributes: ['email'],
        user_verification_types: ['email'],
        mfa_configuration: 'NONE',
        mfa_methods: [],
      },
      data: {
        aws_region: 'eu-west-1',
        url: 'https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql',
        api_key: 'da2-exampleapikey',
        default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
        authorization_types: ['AWS_IAM', 'API_KEY'],
      },
    });
  });

  it('leaves api_key out when the API has none', () => {
    const withoutKey: Record<string, string> = { ...outputs, AdditionalAuthorizationTypes: 'AWS_IAM' };
    delete withoutKey.GraphQLApiKey;
    expect(toAmplifyOutputs(withoutKey).data).toEqual({
      aws_region: 'eu-west-1',
      url: 'https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql',
      default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
      authorization_types: ['AWS_IAM'],
    });
  });

  it.each([
    [{ ...outputs, UserPoolId: undefined, GraphQLUrl: undefined }, 'The stack outputs lack GraphQLUrl, UserPoolId: deploy the Outpost stack with --outputs-file and pass that file.'],
    [{ ...outputs, PasswordPolicy: '{"minLength":"8"}' }, 'PasswordPolicy must hold minLength (number) and requireLowercase, requireUppercase, requireDigits, requireSymbols (booleans); received {"minLength":"8"}.'],
    [{ ...outputs, AdditionalAuthorizationTypes: 'AWS_IAM,COGNITO' }, 'Unknown AppSync authorization type "COGNITO": expected one of AMAZON_COGNITO_USER_POOLS, API_KEY, AWS_IAM, AWS_LAMBDA, OPENID_CONNECT.'],
  ])('rejects unusable outputs (%#)', (bad, message) => {
    expect(() => toAmplifyOutputs(bad as Record<string, string>)).toThrow(new StackOutputsError(message));
  });
});

it('keeps the JSON error as the cause of a malformed PasswordPolicy', () => {
  let thrown: unknown;
  try {
    toAmplifyOutputs({ ...outputs, PasswordPolicy: 'eight' });
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StackOutputsError);
  expect({ message: (thrown as Error).message, cause: ((thrown as Error).cause as Error).message }).toEqual({
    message: 'PasswordPolicy is not JSON (received "eight").',
    cause: 'Unexpected token \'e\', "eight" is not valid JSON',
  });
});

describe('selectStackOutputs', () => {
  it('takes the only stack, or the named one', () => {
    expect(selectStackOutputs({ 'Outpost-dev': { A: '1' } })).toEqual({ A: '1' });
    expect(selectStackOutputs({ 'Outpost-dev': { A: '1' }, 'Outpost-prod': { A: '2' } }, 'Outpost-prod')).toEqual({ A: '2' });
  });

  it.each([
    [{ 'Outpost-dev': {}, 'Outpost-prod': {} }, undefined, 'The outputs file holds 2 stacks (Outpost-dev, Outpost-prod): name one with --stack.'],
    [{}, undefined, 'The outputs file holds 0 stacks (none): name one with --stack.'],
    [{ 'Outpost-dev': {} }, 'Outpost-prod', 'The outputs file has no stack "Outpost-prod": it holds Outpost-dev.'],
  ])('rejects %j with stack %s', (file, stackName, message) => {
    expect(() => selectStackOutputs(file, stackName)).toThrow(new StackOutputsError(message));
  });
});
