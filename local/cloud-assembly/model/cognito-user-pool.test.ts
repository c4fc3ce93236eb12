import { lastFixtureDir, readFixture, removeFixtures, stack } from '../__fixtures__/read-fixture';

afterAll(removeFixtures);

describe('AWS::Cognito::UserPool, UserPoolClient and UserPoolGroup', () => {
  it('models the pool with its password policy, attributes, triggers, clients and groups', () => {
    const model = readFixture(
      {
        Resources: {
          Pool: {
            Type: 'AWS::Cognito::UserPool',
            Properties: {
              UserPoolName: 'outpost-users',
              Policies: {
                PasswordPolicy: {
                  MinimumLength: 10,
                  RequireLowercase: true,
                  RequireUppercase: 'false',
                  RequireNumbers: true,
                  RequireSymbols: false,
                  TemporaryPasswordValidityDays: 3,
                },
              },
              AliasAttributes: ['email', 'preferred_username'],
              AutoVerifiedAttributes: ['email'],
              UsernameConfiguration: { CaseSensitive: false },
              AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
              Schema: [{ Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true }, { Name: 'tier', AttributeDataType: 'String' }],
              LambdaConfig: {
                PostConfirmation: { 'Fn::GetAtt': ['OnConfirm', 'Arn'] },
                PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': ['OnConfirm', 'Arn'] }, LambdaVersion: 'V2_0' },
              },
            },
          },
          OnConfirm: {
            Type: 'AWS::Lambda::Function',
            Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Code: { ZipFile: 'exports.handler = async (e) => e;' } },
          },
          MobileClient: {
            Type: 'AWS::Cognito::UserPoolClient',
            Properties: {
              UserPoolId: { Ref: 'Pool' },
              ClientName: 'mobile',
              ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
              AccessTokenValidity: 60,
              IdTokenValidity: 60,
              RefreshTokenValidity: 30,
              TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
              ReadAttributes: ['email'],
              WriteAttributes: ['email'],
            },
          },
          ServerClient: {
            Type: 'AWS::Cognito::UserPoolClient',
            Properties: { UserPoolId: { Ref: 'Pool' }, GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] },
          },
          Admins: {
            Type: 'AWS::Cognito::UserPoolGroup',
            Properties: { UserPoolId: { Ref: 'Pool' }, GroupName: 'admins', Description: 'Operators', Precedence: 1 },
          },
          Testers: { Type: 'AWS::Cognito::UserPoolGroup', Properties: { UserPoolId: { 'Fn::GetAtt': ['Pool', 'UserPoolId'] } } },
          Stray: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'us-east-1_Elsewhere' } },
        },
      },
      [],
      { overrides: { ServerClient: { Ref: '4n8b0c2d5e7f9g1h3j5k7l9m1n' } } },
    );
    expect(model).toEqual({
      directory: lastFixtureDir(),
      stacks: [
        stack({
          userPools: [
            {
              logicalId: 'Pool',
              userPoolId: 'us-east-1_Pool',
              userPoolArn: 'arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Pool',
              userPoolName: 'outpost-users',
              passwordPolicy: {
                minimumLength: 10,
                requireLowercase: true,
                requireUppercase: false,
                requireNumbers: true,
                requireSymbols: false,
                temporaryPasswordValidityDays: 3,
              },
              usernameAttributes: [],
              aliasAttributes: ['email', 'preferred_username'],
              autoVerifiedAttributes: ['email'],
              usernameCaseSensitive: false,
              selfSignUpEnabled: false,
              schema: [
                { name: 'email', attributeDataType: 'String', mutable: true, required: true },
                { name: 'tier', attributeDataType: 'String', mutable: null, required: null },
              ],
              lambdaTriggers: { PostConfirmation: 'arn:aws:lambda:us-east-1:000000000000:function:OnConfirm' },
              clients: [
                {
                  logicalId: 'MobileClient',
                  clientId: 'MobileClient',
                  clientName: 'mobile',
                  explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
                  generateSecret: false,
                  accessTokenValidity: 60,
                  idTokenValidity: 60,
                  refreshTokenValidity: 30,
                  tokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
                  readAttributes: ['email'],
                  writeAttributes: ['email'],
                },
                {
                  logicalId: 'ServerClient',
                  clientId: '4n8b0c2d5e7f9g1h3j5k7l9m1n',
                  clientName: null,
                  explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'],
                  generateSecret: true,
                  accessTokenValidity: null,
                  idTokenValidity: null,
                  refreshTokenValidity: null,
                  tokenValidityUnits: {},
                  readAttributes: [],
                  writeAttributes: [],
                },
              ],
              groups: [
                { logicalId: 'Admins', groupName: 'admins', description: 'Operators', precedence: 1, roleArn: null },
                { logicalId: 'Testers', groupName: 'Testers', description: null, precedence: null, roleArn: null },
              ],
            },
          ],
          functions: [
            {
              logicalId: 'OnConfirm',
              functionName: 'OnConfirm',
              functionArn: 'arn:aws:lambda:us-east-1:000000000000:function:OnConfirm',
              handler: 'index.handler',
              runtime: 'nodejs22.x',
              timeoutSeconds: 3,
              memorySizeMb: 128,
              environment: {},
              code: { kind: 'inline', zipFile: 'exports.handler = async (e) => e;' },
              architectures: ['x86_64'],
              layers: [],
            },
          ],
        }),
      ],
      warnings: [
        {
          code: 'OrphanResource',
          message: 'AWS::Cognito::UserPoolClient Stray belongs to user pool us-east-1_Elsewhere, which is not in this stack; it is left out.',
          stackName: 'Outpost',
        },
        {
          code: 'UnsupportedProperty',
          message: 'Resources.Pool.Properties.LambdaConfig.PreTokenGenerationConfig is not modelled; Outpost Local does not run that trigger.',
          stackName: 'Outpost',
        },
      ],
    });
  });
});
