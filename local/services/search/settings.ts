// Index settings: what the client gave (returned as given), and the few this service acts on.
import { badRequest, unsupported } from './errors';

export interface IndexSettings {
  readonly numberOfShards: number;
  readonly numberOfReplicas: number;
  /** Milliseconds between automatic refreshes; null when `refresh_interval` is -1 (only explicit refreshes). */
  readonly refreshIntervalMs: number | null;
  readonly maxResultWindow: number;
  readonly analysis: unknown;
}

const ACTED_ON = new Set(['number_of_shards', 'number_of_replicas', 'refresh_interval', 'max_result_window', 'analysis']);

/** `{ index: { number_of_shards } }`, `{ 'index.number_of_shards' }` and `{ number_of_shards }` are one setting. */
function flatten(settings: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'index' && typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(flat, flatten(value as Record<string, unknown>));
    else flat[key.startsWith('index.') ? key.slice('index.'.length) : key] = value;
  }
  return flat;
}

function duration(value: unknown): number | null {
  if (value === -1 || value === '-1') return null;
  const match = /^(\d+)(ms|s|m)?$/.exec(String(value));
  if (!match) throw badRequest(`failed to parse setting [index.refresh_interval] with value [${String(value)}] as a time value: unit is missing or unrecognized`);
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount : match[2] === 'm' ? amount * 60_000 : amount * 1000;
}

function positiveInteger(value: unknown, name: string, minimum: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) throw badRequest(`Failed to parse value [${String(value)}] for setting [index.${name}] must be >= ${minimum}`);
  return number;
}

export function parseSettings(raw: unknown): IndexSettings {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) throw badRequest('settings must be an object');
  const flat = flatten((raw ?? {}) as Record<string, unknown>);
  const other = Object.keys(flat).find((key) => !ACTED_ON.has(key));
  if (other !== undefined) throw unsupported(`index setting [index.${other}]`);
  return {
    numberOfShards: flat.number_of_shards === undefined ? 1 : positiveInteger(flat.number_of_shards, 'number_of_shards', 1),
    numberOfReplicas: flat.number_of_replicas === undefined ? 1 : positiveInteger(flat.number_of_replicas, 'number_of_replicas', 0),
    refreshIntervalMs: flat.refresh_interval === undefined ? 1000 : duration(flat.refresh_interval),
    maxResultWindow: flat.max_result_window === undefined ? 10_000 : positiveInteger(flat.max_result_window, 'max_result_window', 1),
    analysis: flat.analysis,
  };
}
