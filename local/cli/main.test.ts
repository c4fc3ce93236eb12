import { spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Command } from './command';
import { main, usage } from './main';

const BIN = path.join(__dirname, '..', 'bin', 'outpost.js');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) } }, out, err };
}

describe('outpost CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'outpost-cli-'));
    writeFileSync(path.join(dir, 'code.js'), "export function request(ctx) {\n  console.log('hi');\n  return { id: ctx.args.id };\n}\nexport function response(ctx) {\n  return ctx.result.missing.x;\n}\n");
    writeFileSync(path.join(dir, 'context.json'), '{"arguments":{"id":"n1"},"result":{}}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('prints the EvaluateCode response of a handler', () => {
    expect(run('evaluate', '--code', 'code.js', '--context', 'context.json', '--function', 'request')).toEqual({
      status: 0,
      stdout: `${JSON.stringify({ evaluationResult: '{"id":"n1"}', logs: ['INFO - code.js:2:3: "hi"'], stash: '{}', outErrors: '[]' }, null, 2)}\n`,
      stderr: '',
    });
  });

  it('exits 0 when the resolver reports an error', () => {
    expect(run('evaluate', '--code', 'code.js', '--context', 'context.json', '--function', 'response')).toEqual({
      status: 0,
      stdout: `${JSON.stringify({ error: { message: "code.js:6:29: TypeError: Cannot read properties of undefined (reading 'x')" }, logs: [], stash: '{}', outErrors: '[]' }, null, 2)}\n`,
      stderr: '',
    });
  });

  it('exits 2 with the usage text on a bad command line', () => {
    expect(run('evaluate', '--context', 'context.json')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'outpost evaluate: --code FILE is required.\nUsage:\n  outpost evaluate --code FILE --context FILE [--function request|response]\n      Evaluate an APPSYNC_JS handler against a context, like aws appsync evaluate-code.\n',
    });
  });

  it('ends `start` with the reason and exit code 1 when it cannot start, without a stack trace', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const result = spawnSync(process.execPath, [BIN, 'start', '--in-memory', '--data-dir', path.join(dir, 'data'), '--outputs', path.join(dir, 'out.json'), '--port', String(port)], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect({ status: result.status, stderr: result.stderr.split('\n').filter((line) => line.startsWith('outpost start:')) }).toEqual({
        status: 1,
        stderr: [
          `outpost start: The GraphQL HTTPS endpoint cannot listen on 127.0.0.1:${port}: the port is already in use. Stop the process that holds it, or choose another port (or none, to get a free one).`,
        ],
      });
      expect(result.stderr).not.toContain('    at ');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 150_000);

  it('dispatches through its command table', async () => {
    const seen: string[][] = [];
    const hello: Command = {
      name: 'hello',
      summary: 'Greets.',
      usage: '[NAME]',
      run: async (args, io) => {
        seen.push(args);
        io.stdout.write('hi\n');
        return 3;
      },
    };
    const known = capture();
    const unknown = capture();
    const missing = capture();
    expect([await main(['hello', 'x'], known.io, [hello]), await main(['bye'], unknown.io, [hello]), await main([], missing.io, [hello])]).toEqual([3, 2, 2]);
    expect(seen).toEqual([['x']]);
    expect([known.out, unknown.err, missing.err]).toEqual([
      ['hi\n'],
      ["outpost: unknown command 'bye'\nUsage:\n  outpost hello [NAME]\n      Greets.\n"],
      ['outpost: missing command\nUsage:\n  outpost hello [NAME]\n      Greets.\n'],
    ]);
    expect(usage([hello])).toBe('Usage:\n  outpost hello [NAME]\n      Greets.\n');
  });

  it('rejects unknown options and handler names', async () => {
    const unknownOption = capture();
    const badHandler = capture();
    expect([await main(['evaluate', '--cod', 'x'], unknownOption.io), await main(['evaluate', '--code', 'a', '--context', 'b', '--function', 'both'], badHandler.io)]).toEqual([2, 2]);
    const evaluateUsage = 'Usage:\n  outpost evaluate --code FILE --context FILE [--function request|response]\n      Evaluate an APPSYNC_JS handler against a context, like aws appsync evaluate-code.\n';
    expect([unknownOption.err, badHandler.err]).toEqual([
      [`outpost evaluate: Unknown option '--cod'\n${evaluateUsage}`],
      [`outpost evaluate: --function must be request or response; received both.\n${evaluateUsage}`],
    ]);
  });
});
