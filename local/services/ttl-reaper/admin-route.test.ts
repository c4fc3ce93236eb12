// POST /outpost/ttl/advance on a real HTTP listener, with the real reaper against DynamoDB Local.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, type DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ManualClock, OffsetClock } from '../clock';
import { localDynamoDbClient, startDynamoDbLocal, type DynamoDbLocalHandle } from '../dynamodb-local';
import { LOOPBACK } from '../ports';
import type { TtlDeleteMarks } from '../streams';
import { createTtlAdminRoute, isLoopbackAddress } from './admin-route';
import { startTtlReaper, type TtlReaper, type TtlTable } from './reaper';

jest.setTimeout(120_000);

const NOW = new Date('2026-07-01T00:00:00.000Z');
const NOW_SECONDS = NOW.getTime() / 1000;
const DAY = 86_400;

describe('POST /outpost/ttl/advance', () => {
  let dynamoDb: DynamoDbLocalHandle;
  let client: DynamoDBClient;
  let reaper: TtlReaper;
  let server: http.Server;
  let baseUrl: string;
  const log: string[] = [];
  const table: TtlTable = { tableName: 'Users', logicalId: 'UsersTable', keySchema: [{ attributeName: 'id', keyType: 'HASH' }], ttlAttribute: 'expiresAt' };
  const marks: TtlDeleteMarks = { keys: new Set() };

  beforeAll(async () => {
    dynamoDb = await startDynamoDbLocal({ inMemory: true, log: () => undefined });
    client = localDynamoDbClient(dynamoDb.endpoint);
    await client.send(
      new CreateTableCommand({ TableName: 'Users', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }),
    );
    const clock = new OffsetClock(new ManualClock(NOW));
    reaper = startTtlReaper({ client, tables: [table], clock, marks: () => marks, log: (line) => log.push(line) });
    const route = createTtlAdminRoute({ clock, reapNow: () => reaper.reapNow(), log: (line) => log.push(line) });
    server = http.createServer((request, response) => void route(request, response));
    await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
    baseUrl = `http://${LOOPBACK}:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await reaper?.stop();
    client?.destroy();
    await dynamoDb?.stop();
  });

  const post = async (path: string, body: string, contentType = 'application/json', method = 'POST') => {
    const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': contentType }, body: method === 'GET' ? undefined : body });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('advances the clock, reaps at once, and answers the new time and the count', async () => {
    await client.send(new PutItemCommand({ TableName: 'Users', Item: { id: { S: 'u-180' }, expiresAt: { N: String(NOW_SECONDS + 180 * DAY) } } }));
    await client.send(new PutItemCommand({ TableName: 'Users', Item: { id: { S: 'u-200' }, expiresAt: { N: String(NOW_SECONDS + 200 * DAY) } } }));
    const first = await post('/outpost/ttl/advance', '{"by":"181d"}');
    const second = await post('/outpost/ttl/advance', '{"by":"12h"}');
    const items = (await client.send(new ScanCommand({ TableName: 'Users' }))).Items;
    expect({ first, second, items, log }).toEqual({
      first: { status: 200, body: { now: '2026-12-29T00:00:00.000Z', reaped: 1 } },
      second: { status: 200, body: { now: '2026-12-29T12:00:00.000Z', reaped: 0 } },
      items: [{ id: { S: 'u-200' }, expiresAt: { N: String(NOW_SECONDS + 200 * DAY) } }],
      log: [
        'ttl: at 2026-12-29T00:00:00.000Z deleted 1 expired item (UsersTable 1)',
        'ttl: advanced the clock by 181d to 2026-12-29T00:00:00.000Z; 1 expired item deleted',
        'ttl: advanced the clock by 12h to 2026-12-29T12:00:00.000Z; 0 expired items deleted',
      ],
    });
  });

  it('answers a bad request with its reason and leaves the clock alone', async () => {
    const answers = [
      await post('/outpost/ttl/advance', '', 'application/json', 'GET'),
      await post('/outpost/ttl/advance', '{"by":"1d"}', 'text/plain'),
      await post('/outpost/ttl/advance', '{"by":', 'application/json'),
      await post('/outpost/ttl/advance', '{"by":"a week"}'),
      await post('/outpost/ttl/advance', '{}'),
      await post('/outpost/ttl/advance', JSON.stringify({ by: 'x'.repeat(5000) })),
      await post('/outpost/ttl/rewind', '{"by":"1d"}'),
      await post('/outpost/ttl/advance', '{"by":"0s"}'),
    ];
    expect(answers).toEqual([
      { status: 405, body: { errors: [{ errorType: 'MethodNotAllowed', message: '/outpost/ttl/advance takes POST; received GET.' }] } },
      { status: 415, body: { errors: [{ errorType: 'UnsupportedMediaType', message: '/outpost/ttl/advance takes an application/json body such as {"by":"181d"}.' }] } },
      { status: 400, body: { errors: [{ errorType: 'BadRequest', message: expect.stringMatching(/^The body is not JSON: /) }] } },
      { status: 400, body: { errors: [{ errorType: 'BadRequest', message: '"by": A duration is a whole number followed by s, m, h or d (e.g. 181d); received "a week".' }] } },
      { status: 400, body: { errors: [{ errorType: 'BadRequest', message: '"by": A duration is a whole number followed by s, m, h or d (e.g. 181d); received undefined.' }] } },
      { status: 413, body: { errors: [{ errorType: 'PayloadTooLarge', message: 'The body is over 4096 bytes.' }] } },
      { status: 404, body: { errors: [{ errorType: 'NotFound', message: 'Nothing is served at /outpost/ttl/rewind; the admin route is POST /outpost/ttl/advance.' }] } },
      { status: 200, body: { now: '2026-12-29T12:00:00.000Z', reaped: 0 } },
    ]);
  });
});

describe('isLoopbackAddress', () => {
  it('admits only this machine', () => {
    const addresses = ['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.5', '::ffff:192.168.1.2', 'fe80::1', undefined];
    expect(addresses.map((address) => [address, isLoopbackAddress(address)])).toEqual([
      ['127.0.0.1', true],
      ['::1', true],
      ['::ffff:127.0.0.1', true],
      ['10.0.0.5', false],
      ['::ffff:192.168.1.2', false],
      ['fe80::1', false],
      [undefined, false],
    ]);
  });
});
