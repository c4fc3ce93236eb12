// The HTTP data source for APPSYNC_JS resolvers
// (https://docs.aws.amazon.com/appsync/latest/devguide/resolver-reference-http-js.html): the request
// handler returns `{ method, resourcePath, params: { query, headers, body } }`; the data source calls
// the configured endpoint and the response handler sees `{ statusCode, headers, body }` in
// `ctx.result`. Any status is a result, not an error: resolvers decide what a 4xx means.
import type { DataSource, DataSourceOutcome } from '../../appsync/execution/types';

export interface HttpDataSourceConfig {
  /** Scheme, host and optional port, e.g. `https://api.example.com`. */
  readonly endpoint: string;
  /** Default 10 000 ms. */
  readonly timeoutMs?: number;
}

/** The error type given to a request that could not be sent. */
export const HTTP_ERROR_TYPE = 'HttpError';
/**
 * What AppSync puts in ctx.error for an HTTP call that timed out: type
 * `Http:ExecutionTimeoutException`, message `execution timed out` (aws/aws-appsync-community#43).
 */
export const HTTP_TIMEOUT = { type: 'Http:ExecutionTimeoutException', message: 'execution timed out' } as const;

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

interface HttpRequest {
  readonly method: string;
  readonly resourcePath: string;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

function parseRequest(request: unknown): HttpRequest | string {
  if (typeof request !== 'object' || request === null) return 'The HTTP request must be an object with a method and a resourcePath';
  const { method, resourcePath, params } = request as { method?: unknown; resourcePath?: unknown; params?: unknown };
  if (typeof method !== 'string' || !METHODS.has(method.toUpperCase())) return `Unsupported HTTP method: ${JSON.stringify(method)}`;
  if (typeof resourcePath !== 'string' || !resourcePath.startsWith('/')) return `The resourcePath must be a string starting with '/'; got ${JSON.stringify(resourcePath)}`;
  const { query, headers, body } = (typeof params === 'object' && params !== null ? params : {}) as { query?: unknown; headers?: unknown; body?: unknown };
  return {
    method: method.toUpperCase(),
    resourcePath,
    query: typeof query === 'object' && query !== null ? (query as Record<string, unknown>) : {},
    headers: Object.fromEntries(Object.entries(typeof headers === 'object' && headers !== null ? headers : {}).map(([name, value]) => [name, String(value)])),
    body: body === undefined || body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export class HttpDataSource implements DataSource {
  constructor(private readonly config: HttpDataSourceConfig) {}

  async invoke(request: unknown): Promise<DataSourceOutcome> {
    const parsed = parseRequest(request);
    // AppSync reports a malformed data source request with errorType MappingTemplate
    // (https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html).
    if (typeof parsed === 'string') return { error: { message: parsed, type: 'MappingTemplate' } };
    const url = new URL(parsed.resourcePath, this.config.endpoint);
    for (const [name, value] of Object.entries(parsed.query)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    const timeoutMs = this.config.timeoutMs ?? 10_000;
    let response: Response;
    try {
      response = await fetch(url, { method: parsed.method, headers: parsed.headers, body: parsed.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      // fetch rejects with errors from its own realm, so they are read by shape, not instanceof.
      const { name, message } = (typeof cause === 'object' && cause !== null ? cause : {}) as { name?: unknown; message?: unknown };
      // AbortSignal.timeout rejects with a DOMException named TimeoutError.
      if (name === 'TimeoutError') return { error: { ...HTTP_TIMEOUT } };
      return { error: { message: `The HTTP request to ${url.origin} failed: ${typeof message === 'string' ? message : String(cause)}`, type: HTTP_ERROR_TYPE } };
    }
    const body = await response.text();
    return { result: { statusCode: response.status, headers: Object.fromEntries(response.headers.entries()), body } };
  }
}
