// Reads and checks a POST /graphql body. The rejections and their messages are AppSync's, as the
// AppSync team described them (graphql/graphql-over-http#81): HTTP 400 with errorType
// MalformedHttpRequestException, "Request body is empty." for an empty body and "Unable to parse
// GraphQL query." for anything that is not a JSON object with a `query` string ("meow", "{}", "[]").
import type { IncomingMessage } from 'node:http';
import type { GraphQLRequestBody } from '../execution/types';

/** A request the endpoint refuses before running it, with AppSync's status and error type. */
export class RejectedRequestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RejectedRequestError';
  }
}

export const EMPTY_BODY = 'Request body is empty.';
export const UNPARSEABLE_QUERY = 'Unable to parse GraphQL query.';

/** Collects the body, refusing it as soon as it passes `maxBytes`. */
export async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > maxBytes) {
      // Drain the rest so the connection can be reused for the next request.
      request.resume();
      throw new RejectedRequestError(413, 'RequestEntityTooLargeException', `The request body is larger than the ${maxBytes}-byte limit.`);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseGraphQLBody(raw: Buffer): GraphQLRequestBody {
  const text = raw.toString('utf8');
  if (text.trim() === '') throw new RejectedRequestError(400, 'MalformedHttpRequestException', EMPTY_BODY);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new RejectedRequestError(400, 'MalformedHttpRequestException', UNPARSEABLE_QUERY, { cause });
  }
  if (!isJsonObject(parsed) || typeof parsed.query !== 'string') throw new RejectedRequestError(400, 'MalformedHttpRequestException', UNPARSEABLE_QUERY);
  const { query, variables, operationName } = parsed;
  if (variables !== undefined && variables !== null && !isJsonObject(variables)) throw new RejectedRequestError(400, 'MalformedHttpRequestException', UNPARSEABLE_QUERY);
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') throw new RejectedRequestError(400, 'MalformedHttpRequestException', UNPARSEABLE_QUERY);
  return { query, variables: variables ?? null, operationName: operationName ?? null };
}
