// The `by` of `outpost ttl advance 181d`: a whole number of seconds, minutes, hours or days.

export class DurationError extends Error {
  constructor(received: unknown) {
    super(`A duration is a whole number followed by s, m, h or d (e.g. 181d); received ${JSON.stringify(received)}.`);
    this.name = 'DurationError';
  }
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseDuration(text: unknown): number {
  const match = typeof text === 'string' ? /^([0-9]{1,9})([smhd])$/.exec(text) : null;
  if (!match) throw new DurationError(text);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
