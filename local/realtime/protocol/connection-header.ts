// Where a client puts the headers that authorize its connection. The AWS guide sends them as the
// base64 `header` query parameter, next to `payload=e30=` (base64 of `{}`)
// (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html#handshake-details-to-establish-the-websocket-connection).
// Amplify v6 instead offers them as a second subprotocol, `header-<base64url, unpadded>`, next to
// `graphql-ws` (@aws-amplify/api-graphql 4.x, AWSWebSocketProvider/index.ts, _initializeWebSocketConnection).
import type { IncomingMessage } from 'node:http';

export const GRAPHQL_WS_PROTOCOL = 'graphql-ws';
const HEADER_PROTOCOL_PREFIX = 'header-';

/** The connection header could not be read. */
export class ConnectionHeaderError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConnectionHeaderError';
  }
}

/** The subprotocols a client offered, in order. */
export function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  if (header === undefined) return [];
  return header
    .split(',')
    .map((protocol) => protocol.trim())
    .filter((protocol) => protocol !== '');
}

/**
 * The authorization headers of a connection: from the `header-…` subprotocol when offered, else from
 * the `header` query parameter. Throws ConnectionHeaderError when neither decodes to a JSON object.
 */
export function connectionHeaders(request: IncomingMessage): Record<string, string> {
  const fromProtocol = offeredProtocols(request).find((protocol) => protocol.startsWith(HEADER_PROTOCOL_PREFIX));
  if (fromProtocol !== undefined) return decodeHeader(fromProtocol.slice(HEADER_PROTOCOL_PREFIX.length));
  const fromQuery = new URL(request.url ?? '/', 'http://localhost').searchParams.get('header');
  if (fromQuery !== null) return decodeHeader(fromQuery);
  throw new ConnectionHeaderError('The connection carries no header: neither a header-… subprotocol nor a header query parameter.');
}

// Node's base64 decoder reads the standard and the URL-safe alphabets, padded or not.
function decodeHeader(encoded: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch (error) {
    throw new ConnectionHeaderError('The connection header is not base64-encoded JSON.', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConnectionHeaderError('The connection header is not a JSON object.');
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') headers[key] = value;
  return headers;
}
