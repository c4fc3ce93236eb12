// `outpost evaluate`: EvaluateCode on local files. Prints the EvaluateCode response JSON and exits
// 0 whatever the resolver did, as the AWS CLI's `appsync evaluate-code` does.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateCode, EvaluateCodeRequestError } from '../appsync-js/evaluate-code';
import type { Command } from './command';
import { UsageError } from './usage-error';

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'Evaluate an APPSYNC_JS handler against a context, like aws appsync evaluate-code.',
  usage: '--code FILE --context FILE [--function request|response]',
  async run(args, io) {
    let values: { code?: string; context?: string; function?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: { code: { type: 'string' }, context: { type: 'string' }, function: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message, { cause: error });
    }
    if (!values.code) throw new UsageError('--code FILE is required.');
    if (!values.context) throw new UsageError('--context FILE is required.');
    const handler = values.function ?? 'request';
    if (handler !== 'request' && handler !== 'response') throw new UsageError(`--function must be request or response; received ${handler}.`);
    const code = readText(values.code, 'code');
    const context = readText(values.context, 'context');
    try {
      const output = evaluateCode({ code, context, function: handler, runtime: { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' } });
      io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof EvaluateCodeRequestError) throw new UsageError(error.message, { cause: error });
      throw error;
    }
  },
};
