// util.time: the current time and conversions between epoch values, ISO 8601 and Java
// DateTimeFormatter patterns. https://docs.aws.amazon.com/appsync/latest/devguide/time-helpers-in-util-time-js.html
import type { SandboxHost } from '../../host';
import { formatInstant } from './format';
import { toIso8601, parseIso8601 } from './iso';
import { parseToEpochMillis } from './parse';
import { parsePattern } from './pattern';
import { resolveZone, UTC_ZONE } from './zone';

// No zone, or a null one from resolver code, means UTC.
/** An epoch-milliseconds argument that is not a finite number. */
export class InvalidEpochMillisError extends Error {
  constructor(value: unknown) {
    super(`Expected epoch milliseconds as a finite number, got ${JSON.stringify(value)}`);
    this.name = 'InvalidEpochMillisError';
  }
}

function epochMillis(value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new InvalidEpochMillisError(value);
  return Math.trunc(number);
}

const zoneOrUtc = (timezone: string | null | undefined) => (timezone === undefined || timezone === null ? UTC_ZONE : resolveZone(timezone));
/** Java's long division: truncates towards zero. */
const toSeconds = (milliseconds: number) => Math.trunc(milliseconds / 1000);

export function createTimeUtil(host: SandboxHost) {
  const now = () => Math.floor(host.bridge.now());
  return {
    nowISO8601: (): string => toIso8601(now()),
    nowEpochSeconds: (): number => toSeconds(now()),
    nowEpochMilliSeconds: (): number => now(),
    nowFormatted: (formatString: string, timezone?: string): string =>
      formatInstant(parsePattern(String(formatString)), now(), zoneOrUtc(timezone)),
    parseFormattedToEpochMilliSeconds: (timestamp: string, formatString: string, timezone?: string): number =>
      parseToEpochMillis(String(timestamp), parsePattern(String(formatString)), zoneOrUtc(timezone)),
    parseISO8601ToEpochMilliSeconds: (timestamp: string): number => parseIso8601(timestamp),
    epochMilliSecondsToSeconds: (milliseconds: number): number => toSeconds(epochMillis(milliseconds)),
    epochMilliSecondsToISO8601: (milliseconds: number): string => toIso8601(epochMillis(milliseconds)),
    epochMilliSecondsToFormatted: (milliseconds: number, formatString: string, timezone?: string): string =>
      formatInstant(parsePattern(String(formatString)), epochMillis(milliseconds), zoneOrUtc(timezone)),
  };
}
