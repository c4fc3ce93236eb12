// Routes the function's console to the host, tagged with the current request id and level as the
// Node.js runtime's text log format does (aws/aws-lambda-nodejs-runtime-interface-client, src/LogPatch.js).
import { format } from 'node:util';
import type { LogLevel } from '../log-lines';
import type { FromWorker } from '../protocol';

export interface RequestIdHolder {
  current: string | undefined;
}

export function patchConsole(send: (message: FromWorker) => void, requestId: RequestIdHolder): void {
  const emit =
    (level: LogLevel) =>
    (...params: unknown[]): void =>
      send({ type: 'log', requestId: requestId.current, level, message: format(...params) });
  const patched = console as Console & { fatal?: (...params: unknown[]) => void };
  patched.trace = emit('TRACE');
  patched.debug = emit('DEBUG');
  patched.info = emit('INFO');
  patched.log = patched.info;
  patched.warn = emit('WARN');
  patched.error = emit('ERROR');
  patched.fatal = emit('FATAL');
}
