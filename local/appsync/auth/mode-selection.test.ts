import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { ManualClock } from '../../services/clock';
import { Authenticator } from './authenticate';
import type { AuthConfig } from './config';
import type { LambdaAuthorizerEvent } from './lambda-authorizer';
import { createTestUserPool } from './testing/user-pool-keys';

const NOW = new Date('2026-01-15T12:00:00Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const pool = createTestUserPool('http://127.0.0.1:9229/local_pool');
const stranger = createTestUserPool('https://login.example.com');

function setup() {
  const lambdaTokens: string[] = [];
  const config: AuthConfig = {
    apiId: 'localapi',
    accountId: '000000000000',
    region: 'us-east-1',
    defaultMode: { authenticationType: 'AMAZON_COGNITO_USER_POOLS', issuer: pool.issuer, appIdClientRegex: null, defaultAction: 'ALLOW' },
    additionalModes: [
      { authenticationType: 'AWS_IAM' },
      { authenticationType: 'API_KEY' },
      {
        authenticationType: 'AWS_LAMBDA',
        authorizerResultTtlInSeconds: 0,
        identityValidationExpression: null,
        invoke: async (event: LambdaAuthorizerEvent) => {
          lambdaTokens.push(event.authorizationToken);
          return { isAuthorized: true, resolverContext: { via: 'lambda' } };
        },
      },
    ],
    apiKeys: [{ key: 'da2-local', expires: null }],
    iamCredentials: { AKIALOCAL: { secretAccessKey: 'secret', userArn: 'arn:aws:iam::000000000000:user/local', username: 'AIDALOCAL' } },
  };
  const authenticator = new Authenticator(config, { clock: new ManualClock(NOW), fetchJson: async () => pool.jwks });
  const modeOf = async (headers: Record<string, string>) =>
    (await authenticator.authenticate({ method: 'POST', target: '/graphql', headers, body: '{}', sourceIp: '127.0.0.1', graphql: { query: '{ __typename }' } })).mode;
  return { modeOf, lambdaTokens };
}

async function sigV4Headers(): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service: 'appsync', region: 'us-east-1', credentials: { accessKeyId: 'AKIALOCAL', secretAccessKey: 'secret' }, sha256: Sha256 });
  const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', path: '/graphql', headers: { host: '127.0.0.1' }, body: '{}' }, { signingDate: NOW });
  return signed.headers as Record<string, string>;
}

// Which credentials select which mode on an API with several: x-api-key selects API_KEY, a SigV4
// Authorization selects AWS_IAM, a JWT of a configured pool selects the pool, and any other token
// goes to the Lambda authorizer. The order follows AppSync emulators: aws-amplify/amplify-cli
// packages/amplify-appsync-simulator/src/utils/auth-helpers/current-auth-mode.ts and
// https://github.com/floci-io/floci/pull/2380 (header-shape classification). AWS documents no
// precedence; a Lambda authorizer receives whatever token the other modes do not claim.
describe('auth mode selection', () => {
  it('selects each mode from the credentials the request carries', async () => {
    const { modeOf, lambdaTokens } = setup();
    const idToken = pool.token({ sub: 'u', iss: pool.issuer, aud: 'client', token_use: 'id', 'cognito:username': 'u', exp: NOW_SECONDS + 60 });
    const strangerToken = stranger.token({ sub: 'x', iss: stranger.issuer, exp: NOW_SECONDS + 60 });
    expect({
      apiKey: await modeOf({ 'x-api-key': 'da2-local' }),
      iam: await modeOf(await sigV4Headers()),
      userPool: await modeOf({ authorization: idToken }),
      customToken: await modeOf({ authorization: 'opaque-partner-token' }),
      unknownIssuerJwt: await modeOf({ authorization: strangerToken }),
    }).toEqual({
      apiKey: 'API_KEY',
      iam: 'AWS_IAM',
      userPool: 'AMAZON_COGNITO_USER_POOLS',
      customToken: 'AWS_LAMBDA',
      unknownIssuerJwt: 'AWS_LAMBDA',
    });
    expect(lambdaTokens).toEqual(['opaque-partner-token', strangerToken]);
  });
});
