import { ManualClock } from '../../services/clock';
import { Authenticator } from './authenticate';
import type { AuthConfig } from './config';
import { LambdaAuthorizerError } from './errors';
import type { LambdaAuthorizerEvent } from './lambda-authorizer';
import { rejection } from './testing/rejection';

const NOW = new Date('2026-01-15T12:00:00Z');
const QUERY = 'query MyQuery($id: ID!) { note(id: $id) { id title } }';

function setup(answer: (event: LambdaAuthorizerEvent) => unknown, mode: { ttl?: number | null; pattern?: string | null } = {}) {
  const events: LambdaAuthorizerEvent[] = [];
  const clock = new ManualClock(NOW);
  const config: AuthConfig = {
    apiId: 'localapi',
    accountId: '000000000000',
    region: 'us-east-1',
    defaultMode: {
      authenticationType: 'AWS_LAMBDA',
      authorizerResultTtlInSeconds: mode.ttl ?? null,
      identityValidationExpression: mode.pattern ?? null,
      invoke: async (event) => {
        events.push(event);
        return answer(event);
      },
    },
    additionalModes: [{ authenticationType: 'API_KEY' }],
    apiKeys: [],
    iamCredentials: {},
  };
  let nextId = 0;
  const authenticator = new Authenticator(config, { clock, requestId: () => `request-${++nextId}` });
  const authenticate = (token: string) =>
    authenticator.authenticate({
      method: 'POST',
      target: '/graphql',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: '',
      sourceIp: '127.0.0.1',
      graphql: { query: QUERY, operationName: 'MyQuery', variables: { id: 'n1' } },
    });
  return { authenticate, events, clock };
}

// Event and result shapes: https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html#aws-lambda-authorization
// (as quoted in https://lambda.101i.de/appsync-authorizer/), with `requestHeaders` added by the
// AppSync team in https://github.com/aws/aws-lambda-java-libs/pull/428.
describe('Lambda authorizer', () => {
  it('sends AppSync’s event and exposes resolverContext and deniedFields', async () => {
    const { authenticate, events } = setup(() => ({
      isAuthorized: true,
      resolverContext: { userId: 'u1', plan: 'pro' },
      deniedFields: ['Note.title', 'arn:aws:appsync:us-east-1:000000000000:apis/localapi/types/Query/fields/me', 'arn:aws:appsync:us-east-1:000000000000:apis/otherapi/types/Query/fields/user'],
    }));
    expect(await authenticate('custom-token-1')).toEqual({
      mode: 'AWS_LAMBDA',
      defaultMode: 'AWS_LAMBDA',
      identity: { resolverContext: { userId: 'u1', plan: 'pro' } },
      deniedFields: new Set(['Note.title', 'Query.me']),
    });
    expect(events).toEqual([
      {
        authorizationToken: 'custom-token-1',
        requestContext: { apiId: 'localapi', accountId: '000000000000', requestId: 'request-1', queryString: QUERY, operationName: 'MyQuery', variables: { id: 'n1' } },
        requestHeaders: { authorization: 'custom-token-1', 'content-type': 'application/json' },
      },
    ]);
  });

  // "If this value is false, an UnauthorizedException is raised" (same page); a 401 per
  // https://yankouskia.github.io/aws-appsync-js/docs/auth-modes/lambda.
  it('refuses when isAuthorized is false, and asks again next time', async () => {
    const { authenticate, events } = setup(() => ({ isAuthorized: false, ttlOverride: 300 }));
    const refusal = { statusCode: 401, body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] }, reason: undefined };
    expect([await rejection(authenticate('t')), await rejection(authenticate('t'))]).toEqual([refusal, refusal]);
    expect(events.map((event) => event.requestContext.requestId)).toEqual(['request-1', 'request-2']);
  });

  // "ttlOverride: the number of seconds that the response should be cached for ... If this is 0, the
  // response is not cached" (same page).
  it('caches an answer per token for ttlOverride seconds', async () => {
    const { authenticate, events, clock } = setup((event) => ({ isAuthorized: true, resolverContext: { token: event.authorizationToken }, ttlOverride: 60 }));
    await authenticate('a');
    await authenticate('a');
    await authenticate('b');
    clock.advance(59_999);
    await authenticate('a');
    clock.advance(1);
    expect(await authenticate('a')).toEqual({ mode: 'AWS_LAMBDA', defaultMode: 'AWS_LAMBDA', identity: { resolverContext: { token: 'a' } }, deniedFields: new Set() });
    expect(events.map((event) => event.authorizationToken)).toEqual(['a', 'b', 'a']);
  });

  // authorizerResultTtlInSeconds defaults to 0, no caching
  // (https://docs.aws.amazon.com/appsync/latest/APIReference/API_LambdaAuthorizerConfig.html).
  it('uses the API’s TTL without ttlOverride, and does not cache without either', async () => {
    const cached = setup(() => ({ isAuthorized: true }), { ttl: 30 });
    await cached.authenticate('a');
    await cached.authenticate('a');
    const uncached = setup(() => ({ isAuthorized: true }));
    await uncached.authenticate('a');
    await uncached.authenticate('a');
    expect([cached.events.length, uncached.events.length]).toEqual([1, 2]);
  });

  // identityValidationExpression: "A regular expression for validation of tokens before the Lambda
  // function is called" (API_LambdaAuthorizerConfig, above).
  it('refuses a token that does not match identityValidationExpression without calling the function', async () => {
    const { authenticate, events } = setup(() => ({ isAuthorized: true }), { pattern: 'custom-[0-9]+' });
    const refused = await rejection(authenticate('custom-12x'));
    expect({ refused, accepted: (await authenticate('custom-12')).mode, calls: events.map((event) => event.authorizationToken) }).toEqual({
      refused: { statusCode: 401, body: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] }, reason: undefined },
      accepted: 'AWS_LAMBDA',
      calls: ['custom-12'],
    });
  });

  it.each([
    ['a non-object', 'yes', 'the Lambda authorizer returned "yes", not an object'],
    ['no isAuthorized', { resolverContext: {} }, `the Lambda authorizer's "isAuthorized" is undefined, not a boolean`],
    ['a list resolverContext', { isAuthorized: true, resolverContext: [] }, `the Lambda authorizer's "resolverContext" is [], not an object`],
    ['non-string deniedFields', { isAuthorized: true, deniedFields: [1] }, `the Lambda authorizer's "deniedFields" is [1], not a list of strings`],
    ['a negative ttlOverride', { isAuthorized: true, ttlOverride: -1 }, `the Lambda authorizer's "ttlOverride" is -1, not a number of seconds`],
  ])('fails with LambdaAuthorizerError on %s', async (_case, answer, message) => {
    const { authenticate } = setup(() => answer);
    await expect(authenticate('t')).rejects.toEqual(new LambdaAuthorizerError(message));
  });

  it('keeps the function’s own error as the cause', async () => {
    const failure = new Error('boom');
    const { authenticate } = setup(() => {
      throw failure;
    });
    const error = await authenticate('t').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect({ error, cause: (error as Error).cause }).toEqual({ error: new LambdaAuthorizerError('the Lambda authorizer failed'), cause: failure });
  });
});
