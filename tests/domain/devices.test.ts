// Devices end to end, as signed-in users of the real user pool: registering and refreshing one's
// own devices, unregistering them, and never reaching another user's devices.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { localDynamoDbClient } from '../../local/services/dynamodb-local';
import { ok } from '../harness/graphql-http';
import { useLocalStack } from '../harness/local-stack';
import { signedInClient } from '../harness/signed-in-client';
import type { TestUser } from '../harness/users';

jest.setTimeout(60_000);

const running = useLocalStack();
const { signUp, as } = signedInClient(running);
const DEVICE_FIELDS = 'userId deviceId platform pushToken lastSeenAt expiresAt';
const REGISTER = `mutation Register($input: RegisterDeviceInput!) { registerDevice(input: $input) { ${DEVICE_FIELDS} } }`;
const UNREGISTER = `mutation Unregister($deviceId: ID!) { unregisterDevice(deviceId: $deviceId) { ${DEVICE_FIELDS} } }`;
const SIXTY_DAYS = 60 * 86400;

let ada: TestUser;
let bea: TestUser;

beforeAll(async () => {
  ada = await signUp('ada@devices.example.com');
  bea = await signUp('bea@devices.example.com');
});

/** The Devices row as stored (read through the AWS SDK, not the API), or null. */
async function stored(userId: string, deviceId: string): Promise<Record<string, unknown> | null> {
  const { stack } = running();
  const table = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith('TablesDevices'))!.tableName;
  const client = localDynamoDbClient(stack.dynamodbEndpoint);
  try {
    const output = await client.send(new GetItemCommand({ TableName: table, Key: { userId: { S: userId }, deviceId: { S: deviceId } }, ConsistentRead: true }));
    return output.Item ? unmarshall(output.Item) : null;
  } finally {
    client.destroy();
  }
}

// util.error becomes a field error with that errorType; a non-null field that fails nulls data
// (https://docs.aws.amazon.com/appsync/latest/devguide/built-in-util-js.html).
function fieldError(query: string, field: string, errorType: string, message: string) {
  return ok({
    data: null,
    errors: [{ path: [field], data: null, errorType, errorInfo: null, locations: [{ line: 1, column: query.indexOf(`${field}(`) + 1, sourceName: null }], message }],
  });
}

/** The device the API answered, with lastSeenAt now-ish and expiresAt 60 days after it. */
function registered(response: Awaited<ReturnType<typeof as>>) {
  const device = (response.body as { data: { registerDevice: { lastSeenAt: string; expiresAt: number } } }).data.registerDevice;
  expect(device.expiresAt).toBe(Math.floor(Date.parse(device.lastSeenAt) / 1000) + SIXTY_DAYS);
  expect(Math.abs(Date.parse(device.lastSeenAt) - Date.now())).toBeLessThan(60_000);
  return device;
}

it('registers the caller’s device, then refreshes it in place: a re-registration without a token drops the token', async () => {
  const first = await as(ada, REGISTER, { input: { deviceId: 'ada-phone', platform: 'IOS', pushToken: 'a1b2c3d4e5f6' } });
  const firstDevice = registered(first);
  const second = await as(ada, REGISTER, { input: { deviceId: 'ada-phone', platform: 'IOS' } });
  const secondDevice = registered(second);
  expect({ first, second, row: await stored(ada.sub, 'ada-phone') }).toEqual({
    first: ok({ data: { registerDevice: { userId: ada.sub, deviceId: 'ada-phone', platform: 'IOS', pushToken: 'a1b2c3d4e5f6', lastSeenAt: firstDevice.lastSeenAt, expiresAt: firstDevice.expiresAt } } }),
    second: ok({ data: { registerDevice: { userId: ada.sub, deviceId: 'ada-phone', platform: 'IOS', pushToken: null, lastSeenAt: secondDevice.lastSeenAt, expiresAt: secondDevice.expiresAt } } }),
    row: { userId: ada.sub, deviceId: 'ada-phone', platform: 'IOS', lastSeenAt: secondDevice.lastSeenAt, expiresAt: secondDevice.expiresAt },
  });
});

it('unregisters the caller’s device, and says DeviceNotFound once it is gone', async () => {
  const device = registered(await as(ada, REGISTER, { input: { deviceId: 'ada-tablet', platform: 'ANDROID', pushToken: 'fcm:token-1' } }));
  const removed = await as(ada, UNREGISTER, { deviceId: 'ada-tablet' });
  const again = await as(ada, UNREGISTER, { deviceId: 'ada-tablet' });
  expect({ removed, again, row: await stored(ada.sub, 'ada-tablet') }).toEqual({
    removed: ok({ data: { unregisterDevice: { userId: ada.sub, deviceId: 'ada-tablet', platform: 'ANDROID', pushToken: 'fcm:token-1', lastSeenAt: device.lastSeenAt, expiresAt: device.expiresAt } } }),
    again: fieldError(UNREGISTER, 'unregisterDevice', 'DeviceNotFound', 'You have no device ada-tablet.'),
    row: null,
  });
});

// RegisterDeviceInput has no userId: the key is always the caller's sub, so a device id is all a
// caller can name, and it only ever names their own device.
it('never reaches another user’s device: the same device id is the caller’s own, and unregistering it finds nothing', async () => {
  const adas = registered(await as(ada, REGISTER, { input: { deviceId: 'shared-id', platform: 'WEB', pushToken: 'https://push.example.com/ada' } }));
  const beaUnregisters = await as(bea, UNREGISTER, { deviceId: 'shared-id' });
  const beaRegisters = await as(bea, REGISTER, { input: { deviceId: 'shared-id', platform: 'WEB', pushToken: 'https://push.example.com/bea' } });
  const beas = registered(beaRegisters);
  expect({
    beaUnregisters,
    beaRegisters,
    adaRow: await stored(ada.sub, 'shared-id'),
    beaRow: await stored(bea.sub, 'shared-id'),
  }).toEqual({
    beaUnregisters: fieldError(UNREGISTER, 'unregisterDevice', 'DeviceNotFound', 'You have no device shared-id.'),
    beaRegisters: ok({ data: { registerDevice: { userId: bea.sub, deviceId: 'shared-id', platform: 'WEB', pushToken: 'https://push.example.com/bea', lastSeenAt: beas.lastSeenAt, expiresAt: beas.expiresAt } } }),
    adaRow: { userId: ada.sub, deviceId: 'shared-id', platform: 'WEB', pushToken: 'https://push.example.com/ada', lastSeenAt: adas.lastSeenAt, expiresAt: adas.expiresAt },
    beaRow: { userId: bea.sub, deviceId: 'shared-id', platform: 'WEB', pushToken: 'https://push.example.com/bea', lastSeenAt: beas.lastSeenAt, expiresAt: beas.expiresAt },
  });
});

it('refuses empty and overlong device ids and push tokens, and writes nothing', async () => {
  const tooLongId = 'x'.repeat(129);
  const responses = [
    await as(bea, REGISTER, { input: { deviceId: '', platform: 'IOS' } }),
    await as(bea, REGISTER, { input: { deviceId: tooLongId, platform: 'IOS' } }),
    await as(bea, REGISTER, { input: { deviceId: 'bea-phone', platform: 'IOS', pushToken: '' } }),
    await as(bea, REGISTER, { input: { deviceId: 'bea-phone', platform: 'IOS', pushToken: 't'.repeat(2049) } }),
    await as(bea, UNREGISTER, { deviceId: '' }),
  ];
  const badId = (received: string) => `deviceId must be 1 to 128 letters, digits, '.', '_', ':' or '-' (received ${received}).`;
  const badToken = (length: number) => `pushToken must be 1 to 2048 printable ASCII characters without spaces; omit it when the user declined notifications (received ${length} characters).`;
  expect({ responses, row: await stored(bea.sub, 'bea-phone') }).toEqual({
    responses: [
      fieldError(REGISTER, 'registerDevice', 'ValidationError', badId('0 characters: ""')),
      fieldError(REGISTER, 'registerDevice', 'ValidationError', badId(`129 characters: "${'x'.repeat(40)}"`)),
      fieldError(REGISTER, 'registerDevice', 'ValidationError', badToken(0)),
      fieldError(REGISTER, 'registerDevice', 'ValidationError', badToken(2049)),
      fieldError(UNREGISTER, 'unregisterDevice', 'ValidationError', badId('0 characters: ""')),
    ],
    row: null,
  });
});
