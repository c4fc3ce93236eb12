import { caller, env, NOW, raised, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Mutation.registerDevice/resolver.ts');
const PUT = resolverFile('Mutation.registerDevice/1-putDevice.ts');
const NOW_SECONDS = Math.floor(NOW / 1000);
const SIXTY_DAYS = 60 * 86400;
const FCM_TOKEN = 'dQw4w9WgXcQ:APA91bH-example_token-0123456789';

function validate(input: object) {
  return run(RESOLVER, 'request', { identity: caller, arguments: { input }, stash: {}, env });
}

describe('Mutation.registerDevice — resolver', () => {
  it('builds the caller’s device row before anything is written: seen now, lapsing in 60 days', () => {
    expect([validate({ deviceId: 'A1B2-c3.d4:e5_f6', platform: 'ANDROID', pushToken: FCM_TOKEN }), validate({ deviceId: 'ipad-1', platform: 'IOS', pushToken: null })]).toEqual([
      {
        outcome: { kind: 'result', result: {} },
        stash: {
          device: {
            userId: 'user-1',
            deviceId: 'A1B2-c3.d4:e5_f6',
            platform: 'ANDROID',
            pushToken: FCM_TOKEN,
            lastSeenAt: '2026-01-02T03:04:05.678Z',
            expiresAt: NOW_SECONDS + SIXTY_DAYS,
          },
        },
      },
      {
        outcome: { kind: 'result', result: {} },
        stash: { device: { userId: 'user-1', deviceId: 'ipad-1', platform: 'IOS', lastSeenAt: '2026-01-02T03:04:05.678Z', expiresAt: NOW_SECONDS + SIXTY_DAYS } },
      },
    ]);
  });

  it('refuses empty, overlong or odd device ids and push tokens with a ValidationError, so nothing is written', () => {
    const badId = (received: string) =>
      raised('ValidationError', `deviceId must be 1 to 128 letters, digits, '.', '_', ':' or '-' (received ${received}).`);
    const badToken = (length: number) =>
      raised('ValidationError', `pushToken must be 1 to 2048 printable ASCII characters without spaces; omit it when the user declined notifications (received ${length} characters).`);
    expect([
      validate({ deviceId: '', platform: 'IOS' }).outcome,
      validate({ deviceId: 'x'.repeat(129), platform: 'IOS' }).outcome,
      validate({ deviceId: 'phone 1', platform: 'IOS' }).outcome,
      validate({ deviceId: 'phone-1', platform: 'WEB', pushToken: '' }).outcome,
      validate({ deviceId: 'phone-1', platform: 'WEB', pushToken: 't'.repeat(2049) }).outcome,
      validate({ deviceId: 'phone-1', platform: 'WEB', pushToken: 'has space' }).outcome,
    ]).toEqual([
      badId('0 characters: ""'),
      badId(`129 characters: "${'x'.repeat(40)}"`),
      badId('7 characters: "phone 1"'),
      badToken(0),
      badToken(2049),
      badToken(9),
    ]);
  });

  it('is unauthorized for a caller without a Cognito identity', () => {
    expect(run(RESOLVER, 'request', { identity: null, arguments: { input: { deviceId: 'phone-1', platform: 'IOS' } }, stash: {}, env }).outcome).toEqual({
      kind: 'error',
      error: { message: 'Unauthorized', errorType: 'Unauthorized' },
    });
  });
});

describe('Mutation.registerDevice — 1-putDevice', () => {
  const device = { userId: 'user-1', deviceId: 'phone-1', platform: 'IOS', pushToken: 'ab12', lastSeenAt: '2026-01-02T03:04:05.678Z', expiresAt: NOW_SECONDS + SIXTY_DAYS };

  it('puts the whole row under the caller’s key, replacing an earlier registration', () => {
    // PutItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-putitem.html
    expect(run(PUT, 'request', { identity: caller, arguments: {}, stash: { device }, env }).outcome).toEqual({
      kind: 'result',
      result: {
        operation: 'PutItem',
        key: { userId: { S: 'user-1' }, deviceId: { S: 'phone-1' } },
        attributeValues: {
          platform: { S: 'IOS' },
          pushToken: { S: 'ab12' },
          lastSeenAt: { S: '2026-01-02T03:04:05.678Z' },
          expiresAt: { N: NOW_SECONDS + SIXTY_DAYS },
        },
      },
    });
  });

  it('returns the item PutItem wrote, and raises a DynamoDB error', () => {
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    expect([
      run(PUT, 'response', { identity: caller, arguments: {}, stash: { device }, env, result: device }).outcome,
      run(PUT, 'response', { identity: caller, arguments: {}, stash: { device }, env, error, result: null }).outcome,
    ]).toEqual([{ kind: 'result', result: device }, raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity')]);
  });
});
