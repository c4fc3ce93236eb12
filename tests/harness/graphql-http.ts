// Raw GraphQL over HTTP(S), the way a client sends it: the test sees the status, AppSync's
// error-type header and the parsed body, so it can compare the whole response. node:http rather
// than fetch, so that a signed `host` header goes out exactly as signed and HTTPS can trust the
// stack's own CA.
import * as http from 'node:http';
import * as https from 'node:https';

export interface GraphqlHttpResponse {
  readonly status: number;
  /** `x-amzn-ErrorType`, which AppSync sets on requests it refuses before running GraphQL. */
  readonly errorType: string | null;
  readonly body: unknown;
}

export interface GraphqlRequest {
  readonly query?: string;
  readonly variables?: Record<string, unknown>;
  readonly operationName?: string;
}

export interface PostOptions {
  readonly headers?: Record<string, string>;
  /** The CA to trust for an https:// URL. */
  readonly ca?: string;
}

export class GraphqlHttpError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GraphqlHttpError';
  }
}

/** POSTs `body` as it is (a string is sent verbatim, so malformed JSON can be sent too). */
export function postGraphql(url: string, body: GraphqlRequest | string, options: PostOptions = {}): Promise<GraphqlHttpResponse> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const target = new URL(url);
  const send = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...options.headers },
        ca: options.ca,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const errorType = response.headers['x-amzn-errortype'];
            resolve({ status: response.statusCode ?? 0, errorType: typeof errorType === 'string' ? errorType : null, body: JSON.parse(text) as unknown });
          } catch (error) {
            reject(new GraphqlHttpError(`${url} answered ${response.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`, { cause: error }));
          }
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** A successful GraphQL response: HTTP 200, no error type. */
export function ok(body: unknown): GraphqlHttpResponse {
  return { status: 200, errorType: null, body };
}
