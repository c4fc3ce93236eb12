// `outpost start` (`npm start`): runs the synthesized stack on this machine until Ctrl-C.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startStack, type LocalStack } from '../stack/start-stack';
import type { Command } from './command';
import { UsageError } from './usage-error';

const MINIMUM_NODE_MAJOR = 20;

function port(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) throw new UsageError(`${flag} must be a port number from 1 to 65535; received ${value}.`);
  return parsed;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Synthesize the CDK app and run that stack locally (DynamoDB Local, cognito-local, AppSync, Lambda).',
  usage: '[--reset] [--in-memory] [--data-dir DIR] [--outputs FILE] [--port HTTPS_PORT] [--http-port HTTP_PORT]',
  async run(args, io) {
    let values: { reset?: boolean; 'in-memory'?: boolean; 'data-dir'?: string; outputs?: string; port?: string; 'http-port'?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          reset: { type: 'boolean' },
          'in-memory': { type: 'boolean' },
          'data-dir': { type: 'string' },
          outputs: { type: 'string' },
          port: { type: 'string' },
          'http-port': { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message, { cause: error });
    }
    const nodeMajor = Number(process.versions.node.split('.')[0]);
    if (nodeMajor < MINIMUM_NODE_MAJOR) {
      io.stderr.write(`Outpost Local needs Node.js ${MINIMUM_NODE_MAJOR} or newer; this is ${process.version}. See .nvmrc.\n`);
      return 1;
    }
    const log = (line: string) => io.stdout.write(`${line}\n`);
    let stack: LocalStack;
    try {
      stack = await startStack({
        repoRoot: path.resolve(__dirname, '..', '..'),
        dataDir: values['data-dir'] && path.resolve(values['data-dir']),
        outputsPath: values.outputs && path.resolve(values.outputs),
        reset: values.reset,
        inMemory: values['in-memory'],
        ports: { https: port(values.port, '--port'), http: port(values['http-port'], '--http-port') },
        log,
        watch: true,
      });
    } catch (error) {
      // Every start-up failure (a port in use, no Java, a failed synth, a table change that needs
      // --reset) carries a message written for the person at the terminal: print that, not a trace.
      io.stderr.write(`outpost start: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    const signal = await untilStopped();
    log(`${signal}: stopping Outpost Local…`);
    await stack.stop();
    return 0;
  },
};
