// POST /graphql: reads the body, authenticates the caller, executes, and answers in AppSync's
// shapes. Every failure is answered; the handler never throws into the server.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { AuthenticationError } from '../auth/errors';
import type { AppSyncResponse, GraphQLRequestBody } from '../execution/types';
import { corsHeaders, preflightHeaders } from './cors';
import { parseGraphQLBody, readBody, RejectedRequestError } from './request-body';

/** What authentication sees of a request: enough to check a signature or call a Lambda authorizer. */
export interface IncomingGraphQLRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly graphql: GraphQLRequestBody;
}

export interface GraphQLHandlerOptions<TCaller> {
  /** Resolves the caller, or throws an AuthenticationError that is answered as it says. */
  readonly authenticate: (request: IncomingGraphQLRequest) => Promise<TCaller>;
  readonly execute: (caller: TCaller, body: GraphQLRequestBody) => Promise<AppSyncResponse>;
  /** Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Default randomUUID. */
  readonly requestId?: () => string;
  /** Receives errors that reach the catch-all 500 answer. */
  readonly onInternalError: (error: unknown) => void;
}

/**
 * AWS does not document a size limit for a GraphQL HTTP request; 1 MiB matches the largest GraphQL
 * operation the AWS APIs that carry one accept (EventBridge AppSyncParameters.GraphQLOperation).
 */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

function send(response: ServerResponse, status: number, headers: OutgoingHttpHeaders, body?: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) }) });
  response.end(text);
}

function errorBody(errorType: string, message: string) {
  return { errors: [{ errorType, message }] };
}

export function createGraphQLHandler<TCaller>(options: GraphQLHandlerOptions<TCaller>): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const requestId = options.requestId ?? randomUUID;

  return async (request, response) => {
    const headers: OutgoingHttpHeaders = { 'x-amzn-RequestId': requestId(), ...corsHeaders() };
    const fail = (status: number, errorType: string, message: string) => send(response, status, { ...headers, 'x-amzn-ErrorType': errorType }, errorBody(errorType, message));
    try {
      if (request.method === 'OPTIONS') {
        send(response, 200, { ...headers, ...preflightHeaders(request) });
        return;
      }
      if (request.method !== 'POST') {
        request.resume();
        send(response, 405, { ...headers, allow: 'POST, OPTIONS' });
        return;
      }
      const raw = await readBody(request, maxBodyBytes);
      const graphql = parseGraphQLBody(raw);
      const caller = await options.authenticate({
        method: request.method,
        target: request.url ?? '/graphql',
        headers: request.headers,
        body: raw,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        graphql,
      });
      send(response, 200, headers, await options.execute(caller, graphql));
    } catch (error) {
      if (error instanceof RejectedRequestError) fail(error.statusCode, error.errorType, error.message);
      else if (error instanceof AuthenticationError) send(response, error.statusCode, { ...headers, 'x-amzn-ErrorType': error.errorType }, error.responseBody());
      else {
        options.onInternalError(error);
        fail(500, 'InternalFailureException', 'An internal failure occurred.');
      }
    }
  };
}
