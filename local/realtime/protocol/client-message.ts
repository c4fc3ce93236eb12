// What a client may send on the real-time channel, checked at the edge. Anything else is answered
// with AppSync's UnsupportedOperation error; see unsupported() below.
import type { RealtimeError } from './messages';

/** A subscription request: `data` is the JSON text of `{ query, variables }`. */
export interface StartMessage {
  readonly type: 'start';
  readonly id: string;
  readonly data: string;
  /** The headers that authorize this subscription (`payload.extensions.authorization`). */
  readonly authorization: Readonly<Record<string, string>>;
}

export type ClientMessage = { readonly type: 'connection_init' } | StartMessage | { readonly type: 'stop'; readonly id: string };

/** A frame that is not a message this protocol knows; `id` is kept when the frame had one. */
export class UnsupportedMessageError extends Error {
  readonly id: string | undefined;

  constructor(message: string, id: string | undefined, options?: ErrorOptions) {
    super(message, options);
    this.name = 'UnsupportedMessageError';
    this.id = id;
  }
}

/**
 * AppSync's answer to a frame it cannot run, e.g. a `start` whose payload has no `data`:
 * `{"errorType":"UnsupportedOperation","message":"unknown not supported through the realtime channel"}`
 * (captured from AppSync in a public write-up of an Apollo client against AppSync, GitHub
 * code search "supported through the realtime channel").
 */
export function unsupported(operation: string): RealtimeError {
  return { errorType: 'UnsupportedOperation', message: `${operation} not supported through the realtime channel` };
}

/** Parses one text frame, or throws UnsupportedMessageError. */
export function parseClientMessage(text: string): ClientMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UnsupportedMessageError('The frame is not JSON.', undefined, { cause: error });
  }
  if (!isRecord(parsed)) throw new UnsupportedMessageError('The frame is not a JSON object.', undefined);
  const id = typeof parsed.id === 'string' ? parsed.id : undefined;
  switch (parsed.type) {
    case 'connection_init':
      return { type: 'connection_init' };
    case 'stop':
      if (id === undefined) throw new UnsupportedMessageError('A stop message needs a string id.', undefined);
      return { type: 'stop', id };
    case 'start':
      return startMessage(parsed, id);
    default:
      throw new UnsupportedMessageError(`Unknown message type ${JSON.stringify(parsed.type)}.`, id);
  }
}

function startMessage(parsed: Record<string, unknown>, id: string | undefined): StartMessage {
  if (id === undefined || id === '') throw new UnsupportedMessageError('A start message needs a non-empty string id.', id);
  const payload = isRecord(parsed.payload) ? parsed.payload : {};
  if (typeof payload.data !== 'string') throw new UnsupportedMessageError('A start message needs payload.data as a JSON string.', id);
  const extensions = isRecord(payload.extensions) ? payload.extensions : {};
  const authorization = isRecord(extensions.authorization) ? stringValues(extensions.authorization) : {};
  return { type: 'start', id, data: payload.data, authorization };
}

function stringValues(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (typeof value === 'string') out[key] = value;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
