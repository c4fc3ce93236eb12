/** Where a command writes. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** One `outpost <name>` subcommand. */
export interface Command {
  name: string;
  summary: string;
  /** Argument synopsis, after `outpost <name>`. */
  usage: string;
  /** Returns the exit code; throws UsageError for a bad command line. */
  run(args: string[], io: CliIo): Promise<number>;
}
