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

function readRemembered(file: string): Partial<StackPorts> {
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StackPorts>;
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
  const remembered = readRemembered(options.file);
  const chosen: Partial<Record<keyof StackPorts, number>> = {};
  for (const key of Object.keys(DEFAULT_PORTS) as (keyof StackPorts)[]) {
    const requested = options.requested[key];
    if (requested !== undefined) {
      await assertPortFree(requested, SERVICE_NAMES[key]);
      chosen[key] = requested;
      continue;
    }
    const preferred = remembered[key] ?? DEFAULT_PORTS[key];
    try {
      await assertPortFree(preferred, SERVICE_NAMES[key]);
      chosen[key] = preferred;
    } catch (error) {
      if (!(error instanceof PortInUseError)) throw error;
      chosen[key] = await findFreePort();
      options.log(`ports: ${SERVICE_NAMES[key]} would use port ${preferred}, which is in use; using ${chosen[key]} instead`);
    }
  }
  const ports = chosen as StackPorts;
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  fs.writeFileSync(options.file, `${JSON.stringify(ports, null, 2)}\n`);
  return ports;
}
