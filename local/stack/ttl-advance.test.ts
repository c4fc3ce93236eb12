// `outpost ttl advance` against a running stack: the stack's clock moves, the reaper deletes what
// expired in a TTL table of the template, and the stack logs both.
import { PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { useLocalStack } from '../../tests/harness/local-stack';
import { main } from '../cli/main';
import { ttlCommand } from '../cli/ttl-command';
import { localDynamoDbClient } from '../services/dynamodb-local';

jest.setTimeout(60_000);

const running = useLocalStack();
const HOUR_MS = 3_600_000;

it('advances the running stack by 2h and reaps the link preview that expired in between', async () => {
  const { stack, log } = running();
  const table = stack.stack.tables.find((candidate) => candidate.logicalId.startsWith('TablesLinkPreviews'));
  if (!table) throw new Error('the stack has no LinkPreviews table');
  const client = localDynamoDbClient(stack.dynamodbEndpoint);
  try {
    const before = Date.now();
    await client.send(
      new PutItemCommand({ TableName: table.tableName, Item: { url: { S: 'https://example.com/a' }, title: { S: 'A' }, expiresAt: { N: String(Math.floor(before / 1000) + 3600) } } }),
    );
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['ttl', 'advance', '2h', '--http-port', String(stack.ports.http)], { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } }, [ttlCommand]);
    const after = Date.now();
    const answer = JSON.parse(out.join('')) as { now: string; reaped: number };
    const ahead = Date.parse(answer.now) - before;
    const items = (await client.send(new ScanCommand({ TableName: table.tableName }))).Items;
    expect({ code, err, reaped: answer.reaped, twoHoursAhead: ahead >= 2 * HOUR_MS && ahead <= 2 * HOUR_MS + (after - before), items, ttlLog: log.filter((line) => line.startsWith('ttl:')) }).toEqual({
      code: 0,
      err: [],
      reaped: 1,
      twoHoursAhead: true,
      items: [],
      // The reap reads the clock a moment after the route does, and the system time flows on.
      ttlLog: [expect.stringMatching(new RegExp(`^ttl: at \\S+Z deleted 1 expired item \\(${table.logicalId} 1\\)$`)), `ttl: advanced the clock by 2h to ${answer.now}; 1 expired item deleted`],
    });
  } finally {
    client.destroy();
  }
});
