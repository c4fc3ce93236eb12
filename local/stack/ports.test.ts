import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { findFreePort, PortInUseError } from '../services/ports';
import { choosePorts } from './ports';

function listen(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('choosePorts', () => {
  const servers: net.Server[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('keeps the remembered ports, and moves only the one that is taken, saying so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-ports-'));
    const file = path.join(dir, 'ports.json');
    const [https, http, cognito] = [await findFreePort(), await findFreePort(), await findFreePort()];
    fs.writeFileSync(file, JSON.stringify({ https, http, cognito }));
    servers.push(await listen(http));

    const lines: string[] = [];
    const ports = await choosePorts({ file, requested: {}, log: (line) => lines.push(line) });

    expect({ https: ports.https, cognito: ports.cognito }).toEqual({ https, cognito });
    expect(ports.http).not.toEqual(http);
    expect(lines).toEqual([`ports: The GraphQL HTTP endpoint would use port ${http}, which is in use; using ${ports.http} instead`]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(ports);
  });

  it('refuses a port the caller asked for when it is taken', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-ports-'));
    const taken = await findFreePort();
    servers.push(await listen(taken));
    await expect(choosePorts({ file: path.join(dir, 'ports.json'), requested: { https: taken }, log: () => undefined })).rejects.toEqual(
      new PortInUseError(taken, 'The GraphQL HTTPS endpoint'),
    );
  });
});

describe('choosePorts with ports that collide', () => {
  it('refuses the same port asked for two endpoints', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-ports-'));
    const port = await findFreePort();
    await expect(choosePorts({ file: path.join(dir, 'ports.json'), requested: { https: port, http: port }, log: () => undefined })).rejects.toThrow(
      `Each endpoint needs its own port; received https ${port}, http ${port}, cognito (any).`,
    );
  });

  it('moves a remembered port that another endpoint was asked to use', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-ports-'));
    const file = path.join(dir, 'ports.json');
    const [https, http, cognito] = [await findFreePort(), await findFreePort(), await findFreePort()];
    fs.writeFileSync(file, JSON.stringify({ https, http, cognito }));
    const lines: string[] = [];
    const ports = await choosePorts({ file, requested: { https: http }, log: (line) => lines.push(line) });
    expect({ https: ports.https, cognito: ports.cognito, httpMoved: ports.http !== http }).toEqual({ https: http, cognito, httpMoved: true });
    expect(lines).toEqual([`ports: The GraphQL HTTP endpoint would use port ${http}, which is in use; using ${ports.http} instead`]);
  });
});
