// cognito-local logs through pino; this turns its JSON lines into plain lines for the injected log.
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

export type CognitoLogLevel = 'debug' | 'info' | 'warn' | 'error';

type PinoFactory = (options: { level: string; base: null }, stream: { write(chunk: string): void }) => Logger;

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

interface PinoRecord {
  level: number;
  msg?: string;
  target?: string;
  err?: { message?: string };
}

/** "cognito-local warn AdminGetUser: Error handling target: User does not exist." */
export function formatPinoLine(chunk: string): string {
  const record = JSON.parse(chunk) as PinoRecord;
  const level = LEVEL_NAMES[record.level] ?? String(record.level);
  const parts = [`cognito-local ${level}`, record.target && `${record.target}:`, record.msg, record.err?.message && `(${record.err.message})`];
  return parts.filter(Boolean).join(' ');
}

export function cognitoLogger(log: (line: string) => void, level: CognitoLogLevel): Logger {
  // The pino that cognito-local itself depends on, so its pino-http receives a logger it understands.
  const pino = createRequire(require.resolve('cognito-local/package.json'))('pino') as PinoFactory;
  return pino({ level, base: null }, { write: (chunk) => log(formatPinoLine(chunk.trimEnd())) });
}
