// `outpost ttl advance 181d`: moves a running Outpost Local's clock forward and reaps what expired,
// through the stack's admin route (local/services/ttl-reaper/README.md). It finds the HTTP port in
// `.outpost/ports.json`, where `outpost start` wrote it, unless --http-port names it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { LOOPBACK } from '../services/ports';
import { DurationError, parseDuration, TTL_ADVANCE_PATH } from '../services/ttl-reaper';
import { dataDirLayout } from '../stack/data-dir';
import type { Command } from './command';
import { UsageError } from './usage-error';

function httpPort(value: string | undefined, dataDir: string): number {
  if (value !== undefined) {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) throw new UsageError(`--http-port must be a port number from 1 to 65535; received ${value}.`);
    return parsed;
  }
  const portsFile = dataDirLayout(dataDir).portsFile;
  let ports: { http?: unknown };
  try {
    ports = JSON.parse(fs.readFileSync(portsFile, 'utf8')) as { http?: unknown };
  } catch (error) {
    throw new UsageError(`cannot read the HTTP port from ${portsFile} (${(error as Error).message}); start Outpost Local first, or pass --http-port.`, { cause: error });
  }
  if (typeof ports.http !== 'number') throw new UsageError(`${portsFile} names no HTTP port; pass --http-port.`);
  return ports.http;
}

export const ttlCommand: Command = {
  name: 'ttl',
  summary: "Move a running Outpost Local's clock forward and delete the items whose TTL has passed.",
  usage: 'advance DURATION (e.g. 181d; units s, m, h, d) [--http-port N] [--data-dir DIR]',
  async run(args, io) {
    let parsed: { values: { 'http-port'?: string; 'data-dir'?: string }; positionals: string[] };
    try {
      parsed = parseArgs({ args, options: { 'http-port': { type: 'string' }, 'data-dir': { type: 'string' } }, strict: true, allowPositionals: true });
    } catch (error) {
      throw new UsageError((error as Error).message, { cause: error });
    }
    const [action, by, ...extra] = parsed.positionals;
    if (action !== 'advance') throw new UsageError(action === undefined ? 'missing action: advance.' : `unknown action '${action}'; the action is advance.`);
    if (by === undefined) throw new UsageError('missing DURATION, e.g. 181d.');
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}.`);
    try {
      parseDuration(by);
    } catch (error) {
      if (error instanceof DurationError) throw new UsageError(error.message, { cause: error });
      throw error;
    }
    const dataDir = parsed.values['data-dir'] ? path.resolve(parsed.values['data-dir']) : path.resolve(__dirname, '..', '..', '.outpost');
    const url = `http://${LOOPBACK}:${httpPort(parsed.values['http-port'], dataDir)}${TTL_ADVANCE_PATH}`;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ by }) });
    } catch (error) {
      io.stderr.write(`outpost ttl: nothing answered at ${url} (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}); is Outpost Local running?\n`);
      return 1;
    }
    const text = await response.text();
    if (!response.ok) {
      io.stderr.write(`outpost ttl: ${url} answered ${response.status}: ${text}\n`);
      return 1;
    }
    io.stdout.write(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    return 0;
  },
};
