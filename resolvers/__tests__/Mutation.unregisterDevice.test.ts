import { caller, env, raised, resolverFile, run } from './run-handler';

const RESOLVER = resolverFile('Mutation.unregisterDevice/resolver.ts');
const DELETE = resolverFile('Mutation.unregisterDevice/1-deleteDevice.ts');
const device = { userId: 'user-1', deviceId: 'phone-1', platform: 'IOS', lastSeenAt: '2026-01-02T03:04:05.678Z', expiresAt: 1772420645 };

describe('Mutation.unregisterDevice — resolver', () => {
  it('checks the device id before anything is written', () => {
    const validate = (deviceId: string) => run(RESOLVER, 'request', { identity: caller, arguments: { deviceId }, stash: {}, env });
    expect([validate('phone-1'), validate('')]).toEqual([
      { outcome: { kind: 'result', result: {} }, stash: { deviceId: 'phone-1' } },
      { outcome: raised('ValidationError', `deviceId must be 1 to 128 letters, digits, '.', '_', ':' or '-' (received 0 characters: "").`), stash: {} },
    ]);
  });
});

describe('Mutation.unregisterDevice — 1-deleteDevice', () => {
  it('deletes under the caller’s own key, whoever else has a device of that id', () => {
    // DeleteItem request shape: https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
    expect(run(DELETE, 'request', { identity: caller, arguments: { deviceId: 'phone-1' }, stash: { deviceId: 'phone-1' }, env }).outcome).toEqual({
      kind: 'result',
      result: { operation: 'DeleteItem', key: { userId: { S: 'user-1' }, deviceId: { S: 'phone-1' } } },
    });
  });

  it('returns the deleted device; no device is DeviceNotFound; a DynamoDB error is raised', () => {
    // DeleteItem hands the deleted item to the response handler, null when there was none:
    // https://docs.aws.amazon.com/appsync/latest/devguide/js-aws-appsync-resolver-reference-dynamodb-deleteitem.html
    const error = { message: 'Throughput exceeds the current capacity', type: 'DynamoDB:ProvisionedThroughputExceededException' };
    const outcome = (extra: object) => run(DELETE, 'response', { identity: caller, arguments: { deviceId: 'phone-1' }, stash: { deviceId: 'phone-1' }, env, ...extra }).outcome;
    expect([outcome({ result: device }), outcome({ result: null }), outcome({ error, result: null })]).toEqual([
      { kind: 'result', result: device },
      raised('DeviceNotFound', 'You have no device phone-1.'),
      raised('DynamoDB:ProvisionedThroughputExceededException', 'Throughput exceeds the current capacity'),
    ]);
  });
});
