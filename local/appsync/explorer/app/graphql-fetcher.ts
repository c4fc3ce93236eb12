// GraphiQL's fetcher: POSTs each operation to the local AppSync endpoint with the chosen auth
// header. Headers typed into GraphiQL's own header editor win, so a person can try anything.
import type { GraphiQLProps } from 'graphiql';

type Fetcher = GraphiQLProps['fetcher'];

/** The endpoint answered something other than a GraphQL JSON response (a proxy error page, a crash). */
export class GraphqlHttpError extends Error {
  override readonly name = 'GraphqlHttpError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

export function graphqlFetcher(url: string, authHeaders: Readonly<Record<string, string>>): Fetcher {
  return async (params, options) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders, ...(options?.headers as Record<string, string> | undefined) },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    if (!(response.headers.get('content-type') ?? '').includes('json')) {
      throw new GraphqlHttpError(`HTTP ${response.status} from ${url}: ${text}`);
    }
    return JSON.parse(text);
  };
}
