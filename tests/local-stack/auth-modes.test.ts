// The API's auth modes end to end: real cognito-local tokens, the stack's API key and SigV4 with
// the local credentials, over real HTTP. The schema makes user pools the default mode, opens
// `linkPreview` to API keys too, and opens nothing to IAM (schema/schema.graphql).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { ManualClock } from '../../local/services/clock';
import { LOCAL_CREDENTIALS } from '../../local/services/lambda';
import { DEMO_USERS } from '../../local/stack/demo-users';
import { ok, postGraphql, type GraphqlHttpResponse } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signIn } from '../harness/users';

jest.setTimeout(60_000);

// cognito-local stamps tokens with this clock, and the API checks their expiry against it.
const clock = new ManualClock(new Date());
const running = useLocalStack({ clock });
const alice = DEMO_USERS[0];
const ME = { query: 'query Me { me { id handle displayName } }' };
// A loopback URL: the link preview function refuses it without fetching, so the answer does not
// depend on this machine's network (tests/link-preview covers the function itself).
const LINK_PREVIEW = { query: 'query Preview($url: AWSURL!) { linkPreview(url: $url) { url title } }', variables: { url: 'http://127.0.0.1/' } };

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

// AppSync's answer when the caller's mode is allowed on the API but not on the field: HTTP 200,
// null at the path, errorType "Unauthorized" (response bodies quoted in
// https://github.com/aws-amplify/amplify-category-api/issues/2422 and
// https://github.com/aws/aws-appsync-community/issues/259).
const ME_UNAUTHORIZED = ok({
  data: { me: null },
  errors: [
    {
      path: ['me'],
      data: null,
      errorType: 'Unauthorized',
      errorInfo: null,
      locations: [{ line: 1, column: 12, sourceName: null }],
      message: 'Not Authorized to access me on type Query',
    },
  ],
});

// A request AppSync refuses before GraphQL runs: HTTP 401 with x-amzn-ErrorType
// UnauthorizedException (https://repost.aws/knowledge-center/aws-appsync-graphql-request-unauth-error).
function unauthorized(message: string): GraphqlHttpResponse {
  return { status: 401, errorType: 'UnauthorizedException', body: { errors: [{ errorType: 'UnauthorizedException', message }] } };
}

async function aliceProfile(): Promise<GraphqlHttpResponse> {
  const tokens = await signIn(running().stack, alice.username, alice.password);
  return ok({ data: { me: { id: claims(tokens.idToken).sub, handle: 'alice', displayName: 'Alice Demo' } } });
}

describe('user pool tokens', () => {
  it('reads `me` with an ID token and with an access token', async () => {
    const { stack } = running();
    const tokens = await signIn(stack, alice.username, alice.password);
    const profile = ok({ data: { me: { id: claims(tokens.idToken).sub, handle: 'alice', displayName: 'Alice Demo' } } });
    expect({
      id: await postGraphql(stack.urls.http, ME, { headers: { authorization: tokens.idToken } }),
      access: await postGraphql(stack.urls.http, ME, { headers: { authorization: tokens.accessToken } }),
      https: await postGraphql(stack.urls.https, ME, { headers: { authorization: tokens.idToken }, ca: readFileSync(stack.caCertPath, 'utf8') }),
    }).toEqual({ id: profile, access: profile, https: profile });
  });

  // Messages as quoted in https://github.com/aws-amplify/amplify-js/issues/2645 ("Unable to parse JWT
  // token.") and the repost.aws article above ("Valid authorization header not provided.").
  it('refuses a missing or malformed token with 401, and keeps serving', async () => {
    const { stack } = running();
    expect({
      missing: await postGraphql(stack.urls.http, ME),
      malformed: await postGraphql(stack.urls.http, ME, { headers: { authorization: 'not-a-jwt' } }),
      after: await postGraphql(stack.urls.http, ME, { headers: { authorization: (await signIn(stack, alice.username, alice.password)).idToken } }),
    }).toEqual({
      missing: unauthorized('Valid authorization header not provided.'),
      malformed: unauthorized('Unable to parse JWT token.'),
      after: await aliceProfile(),
    });
  });

  // AWS documents the status (401, credentials "missing or invalid", in the repost.aws article above)
  // but no message for a token whose signature fails; this pins Outpost Local's.
  it('refuses a token whose signature does not match its claims', async () => {
    const { stack } = running();
    const [header, payload, signature] = (await signIn(stack, alice.username, alice.password)).idToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), sub: 'someone-else' })).toString('base64url');
    expect(await postGraphql(stack.urls.http, ME, { headers: { authorization: `${header}.${forged}.${signature}` } })).toEqual(
      unauthorized('You are not authorized to make this call.'),
    );
  });

  // The template's app client sets no token validity, so Cognito's default applies: "If you don't
  // specify otherwise in the configuration of your app client, your ID tokens are valid for one
  // hour" (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html,
  // IdTokenValidity and AccessTokenValidity). Apps that refresh tokens must see that lifetime locally.
  it('issues ID and access tokens valid for one hour, as Cognito does by default', async () => {
    const tokens = await signIn(running().stack, alice.username, alice.password);
    const lifetime = (jwt: string) => {
      const { exp, iat } = claims(jwt) as { exp: number; iat: number };
      return exp - iat;
    };
    expect({ id: lifetime(tokens.idToken), access: lifetime(tokens.accessToken) }).toEqual({ id: 3600, access: 3600 });
  });

  // AppSync answers a token past its `exp` with "Token has expired."
  // (https://github.com/aws-amplify/amplify-js/issues/11480). The clock moves to one second past
  // the token's own lifetime. The clock stays there: later tests sign in afresh or sign with its time.
  it('refuses an expired token with 401, and a new sign-in works again', async () => {
    const { stack } = running();
    const tokens = await signIn(stack, alice.username, alice.password);
    const { exp } = claims(tokens.idToken) as { exp: number };
    const before = await postGraphql(stack.urls.http, ME, { headers: { authorization: tokens.idToken } });
    clock.set(new Date((exp + 1) * 1000));
    expect({
      before,
      id: await postGraphql(stack.urls.http, ME, { headers: { authorization: tokens.idToken } }),
      access: await postGraphql(stack.urls.http, ME, { headers: { authorization: tokens.accessToken } }),
      renewed: await postGraphql(stack.urls.http, ME, { headers: { authorization: (await signIn(stack, alice.username, alice.password)).idToken } }),
    }).toEqual({
      before: await aliceProfile(),
      id: unauthorized('Token has expired.'),
      access: unauthorized('Token has expired.'),
      renewed: await aliceProfile(),
    });
  });
});

describe('API key', () => {
  it('is refused on `me` at the field, and passes auth on `linkPreview`', async () => {
    const { stack } = running();
    expect({
      me: await postGraphql(stack.urls.http, ME, { headers: { 'x-api-key': stack.apiKey! } }),
      // Past auth, the resolver runs: its refusal of the URL is the field's error, not a 401.
      linkPreview: await postGraphql(stack.urls.http, LINK_PREVIEW, { headers: { 'x-api-key': stack.apiKey! } }),
    }).toEqual({
      me: ME_UNAUTHORIZED,
      linkPreview: ok({
        data: { linkPreview: null },
        errors: [
          {
            path: ['linkPreview'],
            data: null,
            errorType: 'LinkPreviewBlocked',
            errorInfo: null,
            locations: [{ line: 1, column: LINK_PREVIEW.query.indexOf('linkPreview(') + 1, sourceName: null }],
            message: '127.0.0.1 is a blocked address (loopback); link previews fetch public addresses only.',
          },
        ],
      }),
    });
  });

  // https://github.com/aws-amplify/amplify-studio/issues/1003: a wrong or expired key is a 401.
  it('refuses a key the API does not have', async () => {
    const { stack } = running();
    expect(await postGraphql(stack.urls.http, LINK_PREVIEW, { headers: { 'x-api-key': 'da2-thisisnotthestackskey000000' } })).toEqual(
      unauthorized('You are not authorized to make this call.'),
    );
  });
});

describe('IAM (SigV4 with the local credentials)', () => {
  const body = JSON.stringify(ME);

  async function signedHeaders(url: string, secretAccessKey: string): Promise<Record<string, string>> {
    const target = new URL(url);
    const signer = new SignatureV4({
      service: 'appsync',
      region: 'us-east-1',
      credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey, sessionToken: LOCAL_CREDENTIALS.AWS_SESSION_TOKEN },
      sha256: Sha256,
    });
    const request = await signer.sign(
      {
        method: 'POST',
        protocol: target.protocol,
        hostname: target.hostname,
        port: Number(target.port),
        path: target.pathname,
        query: {},
        headers: { host: target.host, 'content-type': 'application/json' },
        body,
      },
      { signingDate: clock.now() },
    );
    return request.headers as Record<string, string>;
  }

  // No field allows IAM, so a correctly signed caller reaches GraphQL and is refused at the field.
  it('authenticates a signed request and refuses `me` at the field', async () => {
    const { stack } = running();
    expect(await postGraphql(stack.urls.http, body, { headers: await signedHeaders(stack.urls.http, LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY) })).toEqual(ME_UNAUTHORIZED);
  });

  // A signature made with the wrong secret: HTTP 403 BadRequestException with AWS's message, which
  // spells out the canonical request and string to sign (an AppSync response body in
  // https://github.com/awslabs/aws-mobile-appsync-sdk-js/pull/561 and
  // https://github.com/awslabs/aws-mobile-appsync-sdk-js/issues/750).
  it('refuses a wrong signature with 403 and says what it expected', async () => {
    const { stack } = running();
    const headers = await signedHeaders(stack.urls.http, 'not-the-local-secret');
    const signedNames = ['content-type', 'host', 'x-amz-content-sha256', 'x-amz-date', 'x-amz-security-token'];
    const bodyHash = createHash('sha256').update(body).digest('hex');
    const canonical = ['POST', '/graphql', '', ...signedNames.map((name) => `${name}:${headers[name]}`), '', signedNames.join(';'), bodyHash].join('\n');
    const amzDate = headers['x-amz-date'];
    const toSign = ['AWS4-HMAC-SHA256', amzDate, `${amzDate.slice(0, 8)}/us-east-1/appsync/aws4_request`, createHash('sha256').update(canonical).digest('hex')].join('\n');
    expect({
      signedHeaders: headers.authorization.split(', ')[1],
      response: await postGraphql(stack.urls.http, body, { headers }),
    }).toEqual({
      signedHeaders: `SignedHeaders=${signedNames.join(';')}`,
      response: {
        status: 403,
        errorType: 'BadRequestException',
        body: {
          errors: [
            {
              errorType: 'BadRequestException',
              message:
                'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
                `Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${canonical}'\n\n` +
                `The String-to-Sign should have been\n'${toSign}'\n`,
            },
          ],
        },
      },
    });
  });
});
