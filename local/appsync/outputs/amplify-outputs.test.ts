import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Amplify } from 'aws-amplify';
import { buildAmplifyOutputs } from './amplify-outputs';
import type { AmplifyOutputsInput } from './amplify-outputs';
import { AmplifyOutputsInputError, AmplifyOutputsWriteError } from './errors';
import { writeAmplifyOutputs } from './write-amplify-outputs';

const input: AmplifyOutputsInput = {
  region: 'us-east-1',
  api: {
    httpsUrl: 'https://localhost:20002/graphql',
    httpUrl: 'http://127.0.0.1:20003/graphql',
    defaultAuthorizationType: 'AMAZON_COGNITO_USER_POOLS',
    additionalAuthorizationTypes: ['API_KEY'],
    apiKey: 'da2-outpostlocalkey0000000000',
  },
  userPool: {
    userPoolId: 'local_4mRp1xQ2',
    userPoolClientId: '7a8b9c0d1e2f3g4h5i6j7k8l9m',
    endpoint: 'http://127.0.0.1:9229',
    passwordPolicy: { minLength: 8, requireNumbers: true, requireLowercase: true, requireUppercase: true, requireSymbols: false },
    standardRequiredAttributes: ['email'],
    usernameAttributes: ['email'],
    userVerificationTypes: ['email'],
  },
  caCertificatePath: '/home/dev/notebooks/.outpost/tls/ca.pem',
  demoUsers: [
    { username: 'alice@example.com', password: 'Passw0rd!alice', groups: ['ADMINS'] },
    { username: 'bob@example.com', password: 'Passw0rd!bob', groups: [] },
  ],
};

// Field names and the version come from the Gen 2 outputs schema, version "1":
// https://github.com/aws-amplify/amplify-backend/blob/main/packages/client-config/src/client-config-schema/schema_v1.json
const expectedOutputs = {
  version: '1',
  auth: {
    aws_region: 'us-east-1',
    user_pool_id: 'local_4mRp1xQ2',
    user_pool_client_id: '7a8b9c0d1e2f3g4h5i6j7k8l9m',
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
  },
  data: {
    url: 'https://localhost:20002/graphql',
    aws_region: 'us-east-1',
    default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
    // Amplify's generator lists only the additional modes here:
    // https://github.com/aws-amplify/amplify-backend/blob/main/packages/client-config/src/client-config-contributor/client_config_contributor_v1.ts
    authorization_types: ['API_KEY'],
    api_key: 'da2-outpostlocalkey0000000000',
  },
  custom: {
    outpost_local: {
      user_pool_endpoint: 'http://127.0.0.1:9229',
      http_url: 'http://127.0.0.1:20003/graphql',
      ca_certificate: '/home/dev/notebooks/.outpost/tls/ca.pem',
      demo_users: [
        { username: 'alice@example.com', password: 'Passw0rd!alice', groups: ['ADMINS'] },
        { username: 'bob@example.com', password: 'Passw0rd!bob', groups: [] },
      ],
    },
  },
};

describe('buildAmplifyOutputs', () => {
  it('describes the local API, user pool and Outpost Local extras', () => {
    expect(buildAmplifyOutputs(input)).toEqual(expectedOutputs);
  });

  it('leaves out auth and the user pool endpoint for an API-key-only API', () => {
    const outputs = buildAmplifyOutputs({
      ...input,
      api: { ...input.api, defaultAuthorizationType: 'API_KEY', additionalAuthorizationTypes: [] },
      userPool: undefined,
      demoUsers: [],
    });
    expect(outputs).toEqual({
      version: '1',
      data: {
        url: 'https://localhost:20002/graphql',
        aws_region: 'us-east-1',
        default_authorization_type: 'API_KEY',
        authorization_types: [],
        api_key: 'da2-outpostlocalkey0000000000',
      },
      custom: {
        outpost_local: {
          http_url: 'http://127.0.0.1:20003/graphql',
          ca_certificate: '/home/dev/notebooks/.outpost/tls/ca.pem',
          demo_users: [],
        },
      },
    });
  });

  it.each([
    [
      'a plain HTTP data url',
      { ...input, api: { ...input.api, httpsUrl: 'http://localhost:20002/graphql' } },
      'api.httpsUrl must be an https:// URL; received "http://localhost:20002/graphql".',
    ],
    [
      'an API_KEY mode without a key',
      { ...input, api: { ...input.api, apiKey: undefined } },
      'The API has the API_KEY auth mode, so api.apiKey is required; received none.',
    ],
    [
      'a user pool mode without a user pool',
      { ...input, userPool: undefined },
      'The API has the AMAZON_COGNITO_USER_POOLS auth mode, so userPool is required; received none.',
    ],
    [
      'the default mode repeated among the additional ones',
      { ...input, api: { ...input.api, additionalAuthorizationTypes: ['API_KEY', 'AMAZON_COGNITO_USER_POOLS'] as const } },
      'Each auth mode must appear once across the default and the additional ones; received AMAZON_COGNITO_USER_POOLS, API_KEY, AMAZON_COGNITO_USER_POOLS.',
    ],
    [
      'a password length outside the schema range',
      { ...input, userPool: { ...input.userPool!, passwordPolicy: { ...input.userPool!.passwordPolicy, minLength: 4 } } },
      'userPool.passwordPolicy.minLength must be an integer from 6 to 99; received 4.',
    ],
  ])('rejects %s', (_case, badInput, message) => {
    expect(() => buildAmplifyOutputs(badInput)).toThrow(AmplifyOutputsInputError);
    expect(() => buildAmplifyOutputs(badInput)).toThrow(message);
  });
});

describe('the outputs in aws-amplify v6', () => {
  it('configure the API endpoint, default auth mode and user pool, and take the local user pool endpoint', () => {
    const outputs = buildAmplifyOutputs(input);
    Amplify.configure(outputs);
    // How Amplify maps each outputs field:
    // https://github.com/aws-amplify/amplify-js/blob/main/packages/core/src/parseAmplifyOutputs.ts
    const expectedCognito = {
      userPoolId: 'local_4mRp1xQ2',
      userPoolClientId: '7a8b9c0d1e2f3g4h5i6j7k8l9m',
      passwordFormat: {
        minLength: 8,
        requireLowercase: true,
        requireNumbers: true,
        requireUppercase: true,
        requireSpecialCharacters: false,
      },
      loginWith: { email: true, phone: false, username: false },
      userAttributes: { email: { required: true } },
    };
    const expectedApi = {
      GraphQL: {
        endpoint: 'https://localhost:20002/graphql',
        defaultAuthMode: 'userPool',
        region: 'us-east-1',
        apiKey: 'da2-outpostlocalkey0000000000',
      },
    };
    const configured = Amplify.getConfig();
    expect(configured).toEqual({ Auth: { Cognito: expectedCognito }, API: expectedApi });

    // Amplify v6 sends Cognito calls to Auth.Cognito.userPoolEndpoint when it is set, and warns once:
    // https://github.com/aws-amplify/amplify-js/blob/main/packages/auth/src/providers/cognito/factories/createCognitoUserPoolEndpointResolver.ts
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const userPoolEndpoint = outputs.custom.outpost_local.user_pool_endpoint;
      const cognito = configured.Auth?.Cognito;
      if (userPoolEndpoint === undefined || cognito?.userPoolId === undefined || cognito.identityPoolId !== undefined) {
        throw new Error('expected a user pool without an identity pool');
      }
      Amplify.configure({ ...configured, Auth: { Cognito: { ...cognito, userPoolEndpoint } } });
      expect({ config: Amplify.getConfig(), warnings: warn.mock.calls.map((call) => String(call[0]).replace(/^\[WARN\] [\d:.]+ /, '')) }).toEqual({
        config: { Auth: { Cognito: { ...expectedCognito, userPoolEndpoint: 'http://127.0.0.1:9229' } }, API: expectedApi },
        warnings: ['Auth - You are using a custom Amazon Amazon Cognito User Pool endpoint, ensure the endpoint is correct.'],
      });
    } finally {
      warn.mockRestore();
    }
  });
});

describe('writeAmplifyOutputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'outpost-outputs-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the outputs as indented JSON, creating the folder', async () => {
    const file = path.join(dir, 'app', 'amplify_outputs.json');
    await writeAmplifyOutputs(file, buildAmplifyOutputs(input));
    const text = await readFile(file, 'utf8');
    expect({ parsed: JSON.parse(text), indented: text.startsWith('{\n  "version": "1",\n'), endsWithNewline: text.endsWith('}\n') }).toEqual({
      parsed: expectedOutputs,
      indented: true,
      endsWithNewline: true,
    });
  });

  it('reports a path it cannot write with a typed error that keeps the cause', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const file = path.join(blocker, 'amplify_outputs.json');
    const failure = await writeAmplifyOutputs(file, buildAmplifyOutputs(input)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AmplifyOutputsWriteError);
    const { message, cause } = failure as AmplifyOutputsWriteError;
    expect({ message, causeCode: (cause as NodeJS.ErrnoException).code }).toEqual({
      message: `Cannot write ${file}.`,
      causeCode: 'EEXIST',
    });
  });
});
