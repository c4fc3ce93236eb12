/** A command-line argument that cannot be read as CDK context. */
export class ContextArgumentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ContextArgumentError';
  }
}

/** Reads `-c key=value` / `--context key=value` arguments the way the cdk CLI does. */
export function parseContextArguments(args: readonly string[]): Record<string, string> {
  const context: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    if (flag !== '-c' && flag !== '--context') {
      throw new ContextArgumentError(`Unknown argument ${JSON.stringify(flag)}: expected -c key=value or --context key=value.`);
    }
    const pair = args[i + 1];
    const separator = pair === undefined ? -1 : pair.indexOf('=');
    if (pair === undefined || separator <= 0) {
      throw new ContextArgumentError(`${flag} needs key=value (received ${JSON.stringify(pair ?? null)}).`);
    }
    context[pair.slice(0, separator)] = pair.slice(separator + 1);
    i += 1;
  }
  return context;
}
