import type { AuthMode } from '../../cloud-assembly';
import { authConfigFromApi, IncompleteAuthModeError, type LocalAuthWiring } from './from-cloud-assembly';
import type { LambdaAuthorizerInvoker } from './lambda-authorizer';

const invoker: LambdaAuthorizerInvoker = async () => ({ isAuthorized: true });
const wiring: LocalAuthWiring = {
  accountId: '000000000000',
  region: 'us-east-1',
  userPoolIssuer: (poolId, region) => `http://127.0.0.1:9229/${poolId}?region=${region}`,
  iamCredentials: { AKIALOCAL: { secretAccessKey: 's', userArn: 'arn:aws:iam::000000000000:user/local', username: 'AIDALOCAL' } },
  lambdaInvoker: (arn) => (arn === 'arn:aws:lambda:us-east-1:000000000000:function:authorizer' ? invoker : async () => ({ isAuthorized: false })),
};

function mode(authenticationType: AuthMode['authenticationType'], settings: Partial<AuthMode> = {}): AuthMode {
  return { authenticationType, userPoolConfig: null, openIdConnectConfig: null, lambdaAuthorizerConfig: null, ...settings };
}

describe('authConfigFromApi', () => {
  it('maps every auth mode of the synthesized API, with the local wiring', () => {
    const config = authConfigFromApi(
      {
        apiId: 'localapi',
        defaultAuthMode: mode('AMAZON_COGNITO_USER_POOLS', { userPoolConfig: { userPoolId: 'local_pool', awsRegion: 'us-east-1', appIdClientRegex: 'abc.*', defaultAction: 'ALLOW' } }),
        additionalAuthModes: [
          mode('AWS_IAM'),
          mode('API_KEY'),
          mode('OPENID_CONNECT', { openIdConnectConfig: { issuer: 'https://login.example.com', clientId: 'web', iatTtl: 1000, authTtl: null } }),
          mode('AWS_LAMBDA', {
            lambdaAuthorizerConfig: { authorizerUri: 'arn:aws:lambda:us-east-1:000000000000:function:authorizer', authorizerResultTtlInSeconds: 300, identityValidationExpression: null },
          }),
        ],
        apiKeys: [{ logicalId: 'GraphQLApiDefaultApiKey', apiKey: 'da2-local', description: null, expires: null }],
      },
      wiring,
    );
    expect(config).toEqual({
      apiId: 'localapi',
      accountId: '000000000000',
      region: 'us-east-1',
      defaultMode: { authenticationType: 'AMAZON_COGNITO_USER_POOLS', issuer: 'http://127.0.0.1:9229/local_pool?region=us-east-1', appIdClientRegex: 'abc.*', defaultAction: 'ALLOW' },
      additionalModes: [
        { authenticationType: 'AWS_IAM' },
        { authenticationType: 'API_KEY' },
        { authenticationType: 'OPENID_CONNECT', issuer: 'https://login.example.com', clientId: 'web', iatTtl: 1000, authTtl: null },
        { authenticationType: 'AWS_LAMBDA', authorizerResultTtlInSeconds: 300, identityValidationExpression: null, invoke: invoker },
      ],
      apiKeys: [{ key: 'da2-local', expires: null }],
      iamCredentials: wiring.iamCredentials,
    });
  });

  it.each([
    ['AMAZON_COGNITO_USER_POOLS', 'an AMAZON_COGNITO_USER_POOLS mode has no UserPoolConfig.UserPoolId'],
    ['OPENID_CONNECT', 'an OPENID_CONNECT mode has no OpenIDConnectConfig.Issuer'],
    ['AWS_LAMBDA', 'an AWS_LAMBDA mode has no LambdaAuthorizerConfig.AuthorizerUri'],
  ] as const)('refuses a %s mode without its settings', (type, message) => {
    expect(() => authConfigFromApi({ apiId: 'a', defaultAuthMode: mode(type), additionalAuthModes: [], apiKeys: [] }, wiring)).toThrow(new IncompleteAuthModeError(message));
  });
});
