import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { ManualClock } from '../../services/clock';
import { Authenticator } from './authenticate';
import type { AuthConfig } from './config';
import { rejection } from './testing/rejection';

const NOW = new Date('2026-01-15T12:00:00Z');
const ACCESS_KEY_ID = 'AKIALOCALTEST0000001';
const SECRET = 'local/secret/key/for/tests/only/0000000';
const config: AuthConfig = {
  apiId: 'localapi',
  accountId: '000000000000',
  region: 'us-east-1',
  defaultMode: { authenticationType: 'AWS_IAM' },
  additionalModes: [],
  apiKeys: [],
  iamCredentials: {
    [ACCESS_KEY_ID]: { secretAccessKey: SECRET, userArn: 'arn:aws:iam::000000000000:user/seed-admin', username: 'AIDALOCALSEEDADMIN01' },
  },
};
const BODY = JSON.stringify({ query: 'mutation { expireUser(id: "u1") { id } }', variables: {} });

interface SignOptions {
  readonly signedAt?: Date;
  readonly secret?: string;
  readonly accessKeyId?: string;
  readonly region?: string;
  readonly query?: Record<string, string>;
  /** The SDK clients send x-amz-content-sha256; Amplify's signer does not. */
  readonly applyChecksum?: boolean;
}

/** Signs like the AWS SDK does, with the real signer. */
async function signed(options: SignOptions = {}) {
  const signer = new SignatureV4({
    service: 'appsync',
    region: options.region ?? 'us-east-1',
    credentials: { accessKeyId: options.accessKeyId ?? ACCESS_KEY_ID, secretAccessKey: options.secret ?? SECRET },
    sha256: Sha256,
    applyChecksum: options.applyChecksum ?? true,
  });
  const request = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: 'localhost',
      port: 20002,
      path: '/graphql',
      query: options.query ?? {},
      headers: { host: 'localhost:20002', 'content-type': 'application/json; charset=UTF-8' },
      body: BODY,
    },
    { signingDate: options.signedAt ?? NOW },
  );
  const search = new URLSearchParams(options.query ?? {}).toString();
  return { headers: request.headers as Record<string, string>, target: search === '' ? '/graphql' : `/graphql?${search}` };
}

function authenticate(headers: Record<string, string>, target = '/graphql', body = BODY) {
  const authenticator = new Authenticator(config, { clock: new ManualClock(NOW) });
  return authenticator.authenticate({ method: 'POST', target, headers, body, sourceIp: '198.51.100.4', graphql: { query: 'mutation { expireUser(id: "u1") { id } }' } });
}

const iamResult = {
  mode: 'AWS_IAM',
  defaultMode: 'AWS_IAM',
  deniedFields: new Set(),
  identity: {
    accountId: '000000000000',
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    sourceIp: ['198.51.100.4'],
    username: 'AIDALOCALSEEDADMIN01',
    userArn: 'arn:aws:iam::000000000000:user/seed-admin',
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  },
};

function badRequest(message: string) {
  return { statusCode: 403, body: { errors: [{ errorType: 'BadRequestException', message }] }, reason: undefined };
}

describe('IAM (SigV4)', () => {
  // IAM identity fields: the Identity section of
  // https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html; a caller
  // without Cognito identity pool credentials has null pool, identity, auth type and provider
  // (nullable in https://docs.aws.amazon.com/powertools/typescript/2.15.0/api/types/_aws-lambda-powertools_parser.types.AppSyncResolverEvent.html).
  it.each([
    ['with x-amz-content-sha256, as the SDK clients sign', true],
    ['without x-amz-content-sha256, as Amplify signs', false],
  ])('accepts a request signed by the AWS signer %s', async (_case, applyChecksum) => {
    const { headers, target } = await signed({ applyChecksum, query: { b: '2', a: 'x y', 'c*': "it's" } });
    expect(await authenticate(headers, target)).toEqual(iamResult);
  });

  it('accepts signatures up to 5 minutes old or ahead', async () => {
    const old = await signed({ signedAt: new Date(NOW.getTime() - 5 * 60 * 1000) });
    const ahead = await signed({ signedAt: new Date(NOW.getTime() + 5 * 60 * 1000) });
    expect([await authenticate(old.headers), await authenticate(ahead.headers)]).toEqual([iamResult, iamResult]);
  });

  // A wrong signature is answered with BadRequestException and AWS's canonical-string message
  // (an AppSync response body in https://github.com/awslabs/aws-mobile-appsync-sdk-js/pull/561) and
  // HTTP 403 (https://github.com/aws-amplify/amplify-js/issues/2422).
  it('refuses a body changed after signing, and shows the canonical request it expected', async () => {
    const { headers } = await signed({ applyChecksum: false });
    const changed = BODY.replace('u1', 'u2');
    const canonical = [
      'POST',
      '/graphql',
      '',
      'content-type:application/json; charset=UTF-8',
      'host:localhost:20002',
      'x-amz-date:20260115T120000Z',
      '',
      'content-type;host;x-amz-date',
      createHash('sha256').update(changed).digest('hex'),
    ].join('\n');
    const toSign = ['AWS4-HMAC-SHA256', '20260115T120000Z', '20260115/us-east-1/appsync/aws4_request', createHash('sha256').update(canonical).digest('hex')].join('\n');
    expect(await rejection(authenticate(headers, '/graphql', changed))).toEqual(
      badRequest(
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
          `Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${canonical}'\n\n` +
          `The String-to-Sign should have been\n'${toSign}'\n`,
      ),
    );
  });

  it('refuses a body that does not match its x-amz-content-sha256', async () => {
    const { headers } = await signed();
    expect(await rejection(authenticate(headers, '/graphql', BODY.replace('u1', 'u2')))).toEqual(
      badRequest("The provided 'x-amz-content-sha256' header does not match what was computed."),
    );
  });

  // AWS's clock-skew messages as AppSync returns them, a BadRequestException:
  // https://github.com/aws-amplify/amplify-js/issues/11480, with the wording of
  // https://github.com/aws-amplify/amplify-js/issues/2014 and https://github.com/aws-amplify/amplify-js/issues/9281.
  it('refuses a signature more than 5 minutes old', async () => {
    const { headers } = await signed({ signedAt: new Date(NOW.getTime() - 5 * 60 * 1000 - 1000) });
    expect(await rejection(authenticate(headers))).toEqual(badRequest('Signature expired: 20260115T115459Z is now earlier than 20260115T115500Z (20260115T120000Z - 5 min.)'));
  });

  it('refuses a signature more than 5 minutes ahead', async () => {
    const { headers } = await signed({ signedAt: new Date(NOW.getTime() + 5 * 60 * 1000 + 1000) });
    expect(await rejection(authenticate(headers))).toEqual(badRequest('Signature not yet current: 20260115T120501Z is still later than 20260115T120500Z (20260115T120000Z + 5 min.)'));
  });

  it('refuses a request signed with the wrong secret', async () => {
    const { headers } = await signed({ secret: 'not-the-secret' });
    const result = await rejection(authenticate(headers));
    expect({ statusCode: result.statusCode, errorType: (result.body as { errors: { errorType: string }[] }).errors[0]!.errorType }).toEqual({
      statusCode: 403,
      errorType: 'BadRequestException',
    });
  });

  it('refuses a credential scoped to another region', async () => {
    const { headers } = await signed({ region: 'eu-west-1' });
    expect(await rejection(authenticate(headers))).toEqual(badRequest("Credential should be scoped to a valid region, not 'eu-west-1'."));
  });

  it('refuses an access key it does not know', async () => {
    const { headers } = await signed({ accessKeyId: 'AKIAUNKNOWN000000000' });
    expect(await rejection(authenticate(headers))).toEqual({
      statusCode: 403,
      body: { errors: [{ errorType: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' }] },
      reason: undefined,
    });
  });

  it('refuses an Authorization header without its Signature and SignedHeaders', async () => {
    const authorization = `AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/20260115/us-east-1/appsync/aws4_request`;
    expect(await rejection(authenticate({ host: 'localhost:20002', 'x-amz-date': '20260115T120000Z', authorization }))).toEqual({
      statusCode: 400,
      body: {
        errors: [
          {
            errorType: 'IncompleteSignatureException',
            message: `Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${authorization}`,
          },
        ],
      },
      reason: undefined,
    });
  });
});
