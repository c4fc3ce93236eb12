// The server's side of AppSync's `graphql-ws` real-time protocol, as the messages are written on the
// wire (https://docs.aws.amazon.com/appsync/latest/devguide/real-time-websocket-client.html), and as
// the Amplify v6 client reads them (@aws-amplify/api-graphql, Providers/AWSWebSocketProvider).

/** An error inside an `error` or `connection_error` payload. */
export interface RealtimeError {
  readonly errorType?: string;
  readonly message: string;
  /** The HTTP-like status AppSync adds to authorization errors; Amplify stops retrying on 400, 401 and 403. */
  readonly errorCode?: number;
}

export type ServerMessage =
  | { readonly type: 'connection_ack'; readonly payload: { readonly connectionTimeoutMs: number } }
  | { readonly type: 'connection_error'; readonly payload: { readonly errors: readonly RealtimeError[] } }
  | { readonly type: 'ka' }
  | { readonly type: 'start_ack'; readonly id: string }
  | { readonly type: 'complete'; readonly id: string }
  // AppSync writes `errors` as one object, not a list, for MaxSubscriptionsReachedError (see connection.ts).
  | { readonly type: 'error'; readonly id?: string; readonly payload: { readonly errors: readonly RealtimeError[] | RealtimeError } };

export function connectionAck(connectionTimeoutMs: number): ServerMessage {
  return { type: 'connection_ack', payload: { connectionTimeoutMs } };
}

export function connectionError(errors: readonly RealtimeError[]): ServerMessage {
  return { type: 'connection_error', payload: { errors } };
}

export function subscriptionError(id: string | undefined, errors: readonly RealtimeError[] | RealtimeError): ServerMessage {
  return id === undefined ? { type: 'error', payload: { errors } } : { type: 'error', id, payload: { errors } };
}

/**
 * A `data` message, built as text: the payload is serialized once per distinct result and shared by
 * every subscriber that receives it, so only the id differs between their frames.
 */
export function dataFrame(id: string, payloadJson: string): string {
  return `{"id":${JSON.stringify(id)},"type":"data","payload":${payloadJson}}`;
}
