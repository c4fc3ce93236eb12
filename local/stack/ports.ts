// The ports Outpost Local listens on. They stay the same from one start to the next, because
// amplify_outputs.json and the tokens cognito-local issued (whose `iss` names its port) point at them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertPortFree, findFreePort, PortInUseError } from '../services/ports';

export interface StackPorts {
  readonly https: number;
  readonly http: number;
  readonly cognito: number;
}

export const DEFAULT_PORTS: StackPorts = { https: 20002, http: 20003, cognito: 9229 };

const SERVICE_NAMES: Record<keyof StackPorts, string> = {
  https: 'The GraphQL HTTPS endpoint',
  http: 'The GraphQL HTTP endpoint',
  cognito: 'cognito-local',
};

export class PortChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortChoiceError';
  }
}

/** The ports used last time; a file that cannot be read is ignored, since ports are only a preference. */
function readRemembered(file: string, log: (line: string) => void): Partial<StackPorts> {
  if (!fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StackPorts>;
  } catch (error) {
    log(`ports: ignoring ${path.basename(file)}, which is not JSON (${error instanceof Error ? error.message : String(error)})`);
    return {};
  }
}

/** The OS hands out ports at random, so a few tries find one no other endpoint was given. */
async function freePortOtherThan(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const port = await findFreePort();
    if (!taken.has(port)) return port;
  }
  throw new PortChoiceError('Could not find a free loopback port that no other endpoint uses.');
}

/**
 * Picks each port: one the caller asked for must be free (or it is an error); otherwise the port used
 * last time, or the default, and if that is taken, a free one, with a log line saying so.
 */
export async function choosePorts(options: {
  readonly file: string;
  readonly requested: Partial<StackPorts>;
  readonly log: (line: string) => void;
}): Promise<StackPorts> {
  const remembered = readRemembered(options.file, options.log);
  const keys = Object.keys(DEFAULT_PORTS) as (keyof StackPorts)[];
  const requestedPorts = keys.flatMap((key) => (options.requested[key] === undefined ? [] : [options.requested[key]]));
  if (new Set(requestedPorts).size !== requestedPorts.length) {
    throw new PortChoiceError(`Each endpoint needs its own port; received ${keys.map((key) => `${key} ${options.requested[key] ?? '(any)'}`).join(', ')}.`);
  }
  const chosen: Partial<Record<keyof StackPorts, number>> = {};
  const taken = new Set<number>(requestedPorts);
  for (const key of keys) {
    const requested = options.requested[key];
    if (requested !== undefined) {
      await assertPortFree(requested, SERVICE_NAMES[key]);
      chosen[key] = requested;
      continue;
    }
    const preferred = remembered[key] ?? DEFAULT_PORTS[key];
    try {
      if (taken.has(preferred)) throw new PortInUseError(preferred, SERVICE_NAMES[key]);
      await assertPortFree(preferred, SERVICE_NAMES[key]);
      chosen[key] = preferred;
    } catch (error) {
      if (!(error instanceof PortInUseError)) throw error;
      chosen[key] = await freePortOtherThan(taken);
      options.log(`ports: ${SERVICE_NAMES[key]} would use port ${preferred}, which is in use; using ${chosen[key]} instead`);
    }
    taken.add(chosen[key] as number);
  }
  const ports = chosen as StackPorts;
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  fs.writeFileSync(options.file, `${JSON.stringify(ports, null, 2)}\n`);
  return ports;
}
