// `outpost <command> [options]`: dispatches to the command table.
import type { CliIo, Command } from './command';
import { COMMANDS } from './commands';
import { UsageError } from './usage-error';

export function usage(commands: readonly Command[]): string {
  const lines = commands.map((command) => `  outpost ${command.name} ${command.usage}\n      ${command.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

/** Runs one command line; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`${name ? `outpost: unknown command '${name}'` : 'outpost: missing command'}\n${usage(commands)}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`outpost ${command.name}: ${error.message}\n${usage([command])}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
