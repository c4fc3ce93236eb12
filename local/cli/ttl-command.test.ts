// `outpost ttl advance` against a real admin route on a loopback listener.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ManualClock, OffsetClock } from '../services/clock';
import { localDynamoDbClient } from '../services/dynamodb-local';
import { findFreePort, LOOPBACK } from '../services/ports';
import { createTtlAdminRoute, startTtlReaper, type TtlReaper } from '../services/ttl-reaper';
import { main } from './main';
import { ttlCommand } from './ttl-command';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } }, out, err };
}

describe('outpost ttl', () => {
  // No table has a TTL here, so the reaper never calls DynamoDB; the reaper tests cover reaping.
  const client = localDynamoDbClient(`http://${LOOPBACK}:9`);
  let reaper: TtlReaper;
  let server: http.Server;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    const clock = new OffsetClock(new ManualClock(new Date('2026-07-01T00:00:00.000Z')));
    reaper = startTtlReaper({ client, tables: [], clock, marks: () => ({ keys: new Set() }), log: () => undefined });
    const route = createTtlAdminRoute({ clock, reapNow: () => reaper.reapNow(), log: () => undefined });
    server = http.createServer((request, response) => void route(request, response));
    await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
    port = (server.address() as AddressInfo).port;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-ttl-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await reaper?.stop();
    client.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    const { io, out, err } = capture();
    const code = await main(['ttl', ...args], io, [ttlCommand]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
  const usage = 'Usage:\n  outpost ttl advance DURATION (e.g. 181d; units s, m, h, d) [--http-port N] [--data-dir DIR]\n' +
    "      Move a running Outpost Local's clock forward and delete the items whose TTL has passed.\n";

  it('advances the clock on the port given, or on the one in the data dir, and prints the answer', async () => {
    fs.writeFileSync(path.join(dataDir, 'ports.json'), JSON.stringify({ https: 1, http: port, cognito: 2 }));
    expect([await run('advance', '181d', '--http-port', String(port)), await run('advance', '2h', '--data-dir', dataDir)]).toEqual([
      { code: 0, stdout: `${JSON.stringify({ now: '2026-12-29T00:00:00.000Z', reaped: 0 }, null, 2)}\n`, stderr: '' },
      { code: 0, stdout: `${JSON.stringify({ now: '2026-12-29T02:00:00.000Z', reaped: 0 }, null, 2)}\n`, stderr: '' },
    ]);
  });

  it('exits 2 with the usage text on a bad command line', async () => {
    const emptyDir = path.join(dataDir, 'empty');
    fs.mkdirSync(emptyDir);
    const missingPorts = path.join(emptyDir, 'ports.json');
    expect([
      await run(),
      await run('rewind', '1d'),
      await run('advance'),
      await run('advance', '2 weeks'),
      await run('advance', '1d', 'now'),
      await run('advance', '1d', '--http-port', '70000'),
      await run('advance', '1d', '--data-dir', emptyDir),
    ]).toEqual([
      { code: 2, stdout: '', stderr: `outpost ttl: missing action: advance.\n${usage}` },
      { code: 2, stdout: '', stderr: `outpost ttl: unknown action 'rewind'; the action is advance.\n${usage}` },
      { code: 2, stdout: '', stderr: `outpost ttl: missing DURATION, e.g. 181d.\n${usage}` },
      { code: 2, stdout: '', stderr: `outpost ttl: A duration is a whole number followed by s, m, h or d (e.g. 181d); received "2 weeks".\n${usage}` },
      { code: 2, stdout: '', stderr: `outpost ttl: unexpected arguments: now.\n${usage}` },
      { code: 2, stdout: '', stderr: `outpost ttl: --http-port must be a port number from 1 to 65535; received 70000.\n${usage}` },
      {
        code: 2,
        stdout: '',
        stderr: `outpost ttl: cannot read the HTTP port from ${missingPorts} (ENOENT: no such file or directory, open '${missingPorts}'); start Outpost Local first, or pass --http-port.\n${usage}`,
      },
    ]);
  });

  it('exits 1 when nothing answers on the port', async () => {
    const closed = await findFreePort();
    expect(await run('advance', '1d', '--http-port', String(closed))).toEqual({
      code: 1,
      stdout: '',
      stderr: `outpost ttl: nothing answered at http://127.0.0.1:${closed}/outpost/ttl/advance (connect ECONNREFUSED 127.0.0.1:${closed}); is Outpost Local running?\n`,
    });
  });
});
